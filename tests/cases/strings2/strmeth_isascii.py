# str.isascii over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isascii()", lambda: ''.isascii())
show("'a'.isascii()", lambda: 'a'.isascii())
show("'abc'.isascii()", lambda: 'abc'.isascii())
show("'Hello World'.isascii()", lambda: 'Hello World'.isascii())
show("'  pad me  '.isascii()", lambda: '  pad me  '.isascii())
show("'a,b,,c'.isascii()", lambda: 'a,b,,c'.isascii())
show("'x\\ny\\r\\nz'.isascii()", lambda: 'x\ny\r\nz'.isascii())
show("'straße'.isascii()", lambda: 'straße'.isascii())
show("'İı'.isascii()", lambda: 'İı'.isascii())
show("'ǅx'.isascii()", lambda: 'ǅx'.isascii())
show("'123'.isascii()", lambda: '123'.isascii())
show("'-12'.isascii()", lambda: '-12'.isascii())
show("'aAbB'.isascii()", lambda: 'aAbB'.isascii())
show("'tab\\tx'.isascii()", lambda: 'tab\tx'.isascii())
show("'日本'.isascii()", lambda: '日本'.isascii())
show("'🙂a'.isascii()", lambda: '🙂a'.isascii())
show("'hello hello'.isascii()", lambda: 'hello hello'.isascii())
show("'..a..'.isascii()", lambda: '..a..'.isascii())
show("'A1_b'.isascii()", lambda: 'A1_b'.isascii())
show("'ﬁ'.isascii()", lambda: 'ﬁ'.isascii())
