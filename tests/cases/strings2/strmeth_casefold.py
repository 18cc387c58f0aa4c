# str.casefold over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.casefold()", lambda: ''.casefold())
show("'a'.casefold()", lambda: 'a'.casefold())
show("'abc'.casefold()", lambda: 'abc'.casefold())
show("'Hello World'.casefold()", lambda: 'Hello World'.casefold())
show("'  pad me  '.casefold()", lambda: '  pad me  '.casefold())
show("'a,b,,c'.casefold()", lambda: 'a,b,,c'.casefold())
show("'x\\ny\\r\\nz'.casefold()", lambda: 'x\ny\r\nz'.casefold())
show("'straße'.casefold()", lambda: 'straße'.casefold())
show("'İı'.casefold()", lambda: 'İı'.casefold())
show("'ǅx'.casefold()", lambda: 'ǅx'.casefold())
show("'123'.casefold()", lambda: '123'.casefold())
show("'-12'.casefold()", lambda: '-12'.casefold())
show("'aAbB'.casefold()", lambda: 'aAbB'.casefold())
show("'tab\\tx'.casefold()", lambda: 'tab\tx'.casefold())
show("'日本'.casefold()", lambda: '日本'.casefold())
show("'🙂a'.casefold()", lambda: '🙂a'.casefold())
show("'hello hello'.casefold()", lambda: 'hello hello'.casefold())
show("'..a..'.casefold()", lambda: '..a..'.casefold())
show("'A1_b'.casefold()", lambda: 'A1_b'.casefold())
show("'ﬁ'.casefold()", lambda: 'ﬁ'.casefold())
