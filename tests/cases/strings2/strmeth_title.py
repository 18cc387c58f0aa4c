# str.title over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.title()", lambda: ''.title())
show("'a'.title()", lambda: 'a'.title())
show("'abc'.title()", lambda: 'abc'.title())
show("'Hello World'.title()", lambda: 'Hello World'.title())
show("'  pad me  '.title()", lambda: '  pad me  '.title())
show("'a,b,,c'.title()", lambda: 'a,b,,c'.title())
show("'x\\ny\\r\\nz'.title()", lambda: 'x\ny\r\nz'.title())
show("'straße'.title()", lambda: 'straße'.title())
show("'İı'.title()", lambda: 'İı'.title())
show("'ǅx'.title()", lambda: 'ǅx'.title())
show("'123'.title()", lambda: '123'.title())
show("'-12'.title()", lambda: '-12'.title())
show("'aAbB'.title()", lambda: 'aAbB'.title())
show("'tab\\tx'.title()", lambda: 'tab\tx'.title())
show("'日本'.title()", lambda: '日本'.title())
show("'🙂a'.title()", lambda: '🙂a'.title())
show("'hello hello'.title()", lambda: 'hello hello'.title())
show("'..a..'.title()", lambda: '..a..'.title())
show("'A1_b'.title()", lambda: 'A1_b'.title())
show("'ﬁ'.title()", lambda: 'ﬁ'.title())
