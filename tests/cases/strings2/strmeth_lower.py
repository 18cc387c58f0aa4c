# str.lower over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.lower()", lambda: ''.lower())
show("'a'.lower()", lambda: 'a'.lower())
show("'abc'.lower()", lambda: 'abc'.lower())
show("'Hello World'.lower()", lambda: 'Hello World'.lower())
show("'  pad me  '.lower()", lambda: '  pad me  '.lower())
show("'a,b,,c'.lower()", lambda: 'a,b,,c'.lower())
show("'x\\ny\\r\\nz'.lower()", lambda: 'x\ny\r\nz'.lower())
show("'straße'.lower()", lambda: 'straße'.lower())
show("'İı'.lower()", lambda: 'İı'.lower())
show("'ǅx'.lower()", lambda: 'ǅx'.lower())
show("'123'.lower()", lambda: '123'.lower())
show("'-12'.lower()", lambda: '-12'.lower())
show("'aAbB'.lower()", lambda: 'aAbB'.lower())
show("'tab\\tx'.lower()", lambda: 'tab\tx'.lower())
show("'日本'.lower()", lambda: '日本'.lower())
show("'🙂a'.lower()", lambda: '🙂a'.lower())
show("'hello hello'.lower()", lambda: 'hello hello'.lower())
show("'..a..'.lower()", lambda: '..a..'.lower())
show("'A1_b'.lower()", lambda: 'A1_b'.lower())
show("'ﬁ'.lower()", lambda: 'ﬁ'.lower())
