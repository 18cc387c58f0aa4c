# str.isspace over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isspace()", lambda: ''.isspace())
show("'a'.isspace()", lambda: 'a'.isspace())
show("'abc'.isspace()", lambda: 'abc'.isspace())
show("'Hello World'.isspace()", lambda: 'Hello World'.isspace())
show("'  pad me  '.isspace()", lambda: '  pad me  '.isspace())
show("'a,b,,c'.isspace()", lambda: 'a,b,,c'.isspace())
show("'x\\ny\\r\\nz'.isspace()", lambda: 'x\ny\r\nz'.isspace())
show("'straße'.isspace()", lambda: 'straße'.isspace())
show("'İı'.isspace()", lambda: 'İı'.isspace())
show("'ǅx'.isspace()", lambda: 'ǅx'.isspace())
show("'123'.isspace()", lambda: '123'.isspace())
show("'-12'.isspace()", lambda: '-12'.isspace())
show("'aAbB'.isspace()", lambda: 'aAbB'.isspace())
show("'tab\\tx'.isspace()", lambda: 'tab\tx'.isspace())
show("'日本'.isspace()", lambda: '日本'.isspace())
show("'🙂a'.isspace()", lambda: '🙂a'.isspace())
show("'hello hello'.isspace()", lambda: 'hello hello'.isspace())
show("'..a..'.isspace()", lambda: '..a..'.isspace())
show("'A1_b'.isspace()", lambda: 'A1_b'.isspace())
show("'ﬁ'.isspace()", lambda: 'ﬁ'.isspace())
