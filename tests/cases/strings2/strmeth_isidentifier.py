# str.isidentifier over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isidentifier()", lambda: ''.isidentifier())
show("'a'.isidentifier()", lambda: 'a'.isidentifier())
show("'abc'.isidentifier()", lambda: 'abc'.isidentifier())
show("'Hello World'.isidentifier()", lambda: 'Hello World'.isidentifier())
show("'  pad me  '.isidentifier()", lambda: '  pad me  '.isidentifier())
show("'a,b,,c'.isidentifier()", lambda: 'a,b,,c'.isidentifier())
show("'x\\ny\\r\\nz'.isidentifier()", lambda: 'x\ny\r\nz'.isidentifier())
show("'straße'.isidentifier()", lambda: 'straße'.isidentifier())
show("'İı'.isidentifier()", lambda: 'İı'.isidentifier())
show("'ǅx'.isidentifier()", lambda: 'ǅx'.isidentifier())
show("'123'.isidentifier()", lambda: '123'.isidentifier())
show("'-12'.isidentifier()", lambda: '-12'.isidentifier())
show("'aAbB'.isidentifier()", lambda: 'aAbB'.isidentifier())
show("'tab\\tx'.isidentifier()", lambda: 'tab\tx'.isidentifier())
show("'日本'.isidentifier()", lambda: '日本'.isidentifier())
show("'🙂a'.isidentifier()", lambda: '🙂a'.isidentifier())
show("'hello hello'.isidentifier()", lambda: 'hello hello'.isidentifier())
show("'..a..'.isidentifier()", lambda: '..a..'.isidentifier())
show("'A1_b'.isidentifier()", lambda: 'A1_b'.isidentifier())
show("'ﬁ'.isidentifier()", lambda: 'ﬁ'.isidentifier())
