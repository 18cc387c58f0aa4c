# str.isdecimal over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isdecimal()", lambda: ''.isdecimal())
show("'a'.isdecimal()", lambda: 'a'.isdecimal())
show("'abc'.isdecimal()", lambda: 'abc'.isdecimal())
show("'Hello World'.isdecimal()", lambda: 'Hello World'.isdecimal())
show("'  pad me  '.isdecimal()", lambda: '  pad me  '.isdecimal())
show("'a,b,,c'.isdecimal()", lambda: 'a,b,,c'.isdecimal())
show("'x\\ny\\r\\nz'.isdecimal()", lambda: 'x\ny\r\nz'.isdecimal())
show("'straße'.isdecimal()", lambda: 'straße'.isdecimal())
show("'İı'.isdecimal()", lambda: 'İı'.isdecimal())
show("'ǅx'.isdecimal()", lambda: 'ǅx'.isdecimal())
show("'123'.isdecimal()", lambda: '123'.isdecimal())
show("'-12'.isdecimal()", lambda: '-12'.isdecimal())
show("'aAbB'.isdecimal()", lambda: 'aAbB'.isdecimal())
show("'tab\\tx'.isdecimal()", lambda: 'tab\tx'.isdecimal())
show("'日本'.isdecimal()", lambda: '日本'.isdecimal())
show("'🙂a'.isdecimal()", lambda: '🙂a'.isdecimal())
show("'hello hello'.isdecimal()", lambda: 'hello hello'.isdecimal())
show("'..a..'.isdecimal()", lambda: '..a..'.isdecimal())
show("'A1_b'.isdecimal()", lambda: 'A1_b'.isdecimal())
show("'ﬁ'.isdecimal()", lambda: 'ﬁ'.isdecimal())
