# str.isdigit over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isdigit()", lambda: ''.isdigit())
show("'a'.isdigit()", lambda: 'a'.isdigit())
show("'abc'.isdigit()", lambda: 'abc'.isdigit())
show("'Hello World'.isdigit()", lambda: 'Hello World'.isdigit())
show("'  pad me  '.isdigit()", lambda: '  pad me  '.isdigit())
show("'a,b,,c'.isdigit()", lambda: 'a,b,,c'.isdigit())
show("'x\\ny\\r\\nz'.isdigit()", lambda: 'x\ny\r\nz'.isdigit())
show("'straße'.isdigit()", lambda: 'straße'.isdigit())
show("'İı'.isdigit()", lambda: 'İı'.isdigit())
show("'ǅx'.isdigit()", lambda: 'ǅx'.isdigit())
show("'123'.isdigit()", lambda: '123'.isdigit())
show("'-12'.isdigit()", lambda: '-12'.isdigit())
show("'aAbB'.isdigit()", lambda: 'aAbB'.isdigit())
show("'tab\\tx'.isdigit()", lambda: 'tab\tx'.isdigit())
show("'日本'.isdigit()", lambda: '日本'.isdigit())
show("'🙂a'.isdigit()", lambda: '🙂a'.isdigit())
show("'hello hello'.isdigit()", lambda: 'hello hello'.isdigit())
show("'..a..'.isdigit()", lambda: '..a..'.isdigit())
show("'A1_b'.isdigit()", lambda: 'A1_b'.isdigit())
show("'ﬁ'.isdigit()", lambda: 'ﬁ'.isdigit())
