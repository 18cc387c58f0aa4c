# str.swapcase over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.swapcase()", lambda: ''.swapcase())
show("'a'.swapcase()", lambda: 'a'.swapcase())
show("'abc'.swapcase()", lambda: 'abc'.swapcase())
show("'Hello World'.swapcase()", lambda: 'Hello World'.swapcase())
show("'  pad me  '.swapcase()", lambda: '  pad me  '.swapcase())
show("'a,b,,c'.swapcase()", lambda: 'a,b,,c'.swapcase())
show("'x\\ny\\r\\nz'.swapcase()", lambda: 'x\ny\r\nz'.swapcase())
show("'straße'.swapcase()", lambda: 'straße'.swapcase())
show("'İı'.swapcase()", lambda: 'İı'.swapcase())
show("'ǅx'.swapcase()", lambda: 'ǅx'.swapcase())
show("'123'.swapcase()", lambda: '123'.swapcase())
show("'-12'.swapcase()", lambda: '-12'.swapcase())
show("'aAbB'.swapcase()", lambda: 'aAbB'.swapcase())
show("'tab\\tx'.swapcase()", lambda: 'tab\tx'.swapcase())
show("'日本'.swapcase()", lambda: '日本'.swapcase())
show("'🙂a'.swapcase()", lambda: '🙂a'.swapcase())
show("'hello hello'.swapcase()", lambda: 'hello hello'.swapcase())
show("'..a..'.swapcase()", lambda: '..a..'.swapcase())
show("'A1_b'.swapcase()", lambda: 'A1_b'.swapcase())
show("'ﬁ'.swapcase()", lambda: 'ﬁ'.swapcase())
