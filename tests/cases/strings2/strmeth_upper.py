# str.upper over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.upper()", lambda: ''.upper())
show("'a'.upper()", lambda: 'a'.upper())
show("'abc'.upper()", lambda: 'abc'.upper())
show("'Hello World'.upper()", lambda: 'Hello World'.upper())
show("'  pad me  '.upper()", lambda: '  pad me  '.upper())
show("'a,b,,c'.upper()", lambda: 'a,b,,c'.upper())
show("'x\\ny\\r\\nz'.upper()", lambda: 'x\ny\r\nz'.upper())
show("'straße'.upper()", lambda: 'straße'.upper())
show("'İı'.upper()", lambda: 'İı'.upper())
show("'ǅx'.upper()", lambda: 'ǅx'.upper())
show("'123'.upper()", lambda: '123'.upper())
show("'-12'.upper()", lambda: '-12'.upper())
show("'aAbB'.upper()", lambda: 'aAbB'.upper())
show("'tab\\tx'.upper()", lambda: 'tab\tx'.upper())
show("'日本'.upper()", lambda: '日本'.upper())
show("'🙂a'.upper()", lambda: '🙂a'.upper())
show("'hello hello'.upper()", lambda: 'hello hello'.upper())
show("'..a..'.upper()", lambda: '..a..'.upper())
show("'A1_b'.upper()", lambda: 'A1_b'.upper())
show("'ﬁ'.upper()", lambda: 'ﬁ'.upper())
