# str.isprintable over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isprintable()", lambda: ''.isprintable())
show("'a'.isprintable()", lambda: 'a'.isprintable())
show("'abc'.isprintable()", lambda: 'abc'.isprintable())
show("'Hello World'.isprintable()", lambda: 'Hello World'.isprintable())
show("'  pad me  '.isprintable()", lambda: '  pad me  '.isprintable())
show("'a,b,,c'.isprintable()", lambda: 'a,b,,c'.isprintable())
show("'x\\ny\\r\\nz'.isprintable()", lambda: 'x\ny\r\nz'.isprintable())
show("'straße'.isprintable()", lambda: 'straße'.isprintable())
show("'İı'.isprintable()", lambda: 'İı'.isprintable())
show("'ǅx'.isprintable()", lambda: 'ǅx'.isprintable())
show("'123'.isprintable()", lambda: '123'.isprintable())
show("'-12'.isprintable()", lambda: '-12'.isprintable())
show("'aAbB'.isprintable()", lambda: 'aAbB'.isprintable())
show("'tab\\tx'.isprintable()", lambda: 'tab\tx'.isprintable())
show("'日本'.isprintable()", lambda: '日本'.isprintable())
show("'🙂a'.isprintable()", lambda: '🙂a'.isprintable())
show("'hello hello'.isprintable()", lambda: 'hello hello'.isprintable())
show("'..a..'.isprintable()", lambda: '..a..'.isprintable())
show("'A1_b'.isprintable()", lambda: 'A1_b'.isprintable())
show("'ﬁ'.isprintable()", lambda: 'ﬁ'.isprintable())
