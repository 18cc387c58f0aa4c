# str.istitle over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.istitle()", lambda: ''.istitle())
show("'a'.istitle()", lambda: 'a'.istitle())
show("'abc'.istitle()", lambda: 'abc'.istitle())
show("'Hello World'.istitle()", lambda: 'Hello World'.istitle())
show("'  pad me  '.istitle()", lambda: '  pad me  '.istitle())
show("'a,b,,c'.istitle()", lambda: 'a,b,,c'.istitle())
show("'x\\ny\\r\\nz'.istitle()", lambda: 'x\ny\r\nz'.istitle())
show("'straße'.istitle()", lambda: 'straße'.istitle())
show("'İı'.istitle()", lambda: 'İı'.istitle())
show("'ǅx'.istitle()", lambda: 'ǅx'.istitle())
show("'123'.istitle()", lambda: '123'.istitle())
show("'-12'.istitle()", lambda: '-12'.istitle())
show("'aAbB'.istitle()", lambda: 'aAbB'.istitle())
show("'tab\\tx'.istitle()", lambda: 'tab\tx'.istitle())
show("'日本'.istitle()", lambda: '日本'.istitle())
show("'🙂a'.istitle()", lambda: '🙂a'.istitle())
show("'hello hello'.istitle()", lambda: 'hello hello'.istitle())
show("'..a..'.istitle()", lambda: '..a..'.istitle())
show("'A1_b'.istitle()", lambda: 'A1_b'.istitle())
show("'ﬁ'.istitle()", lambda: 'ﬁ'.istitle())
