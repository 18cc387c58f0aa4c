# str.islower over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.islower()", lambda: ''.islower())
show("'a'.islower()", lambda: 'a'.islower())
show("'abc'.islower()", lambda: 'abc'.islower())
show("'Hello World'.islower()", lambda: 'Hello World'.islower())
show("'  pad me  '.islower()", lambda: '  pad me  '.islower())
show("'a,b,,c'.islower()", lambda: 'a,b,,c'.islower())
show("'x\\ny\\r\\nz'.islower()", lambda: 'x\ny\r\nz'.islower())
show("'straße'.islower()", lambda: 'straße'.islower())
show("'İı'.islower()", lambda: 'İı'.islower())
show("'ǅx'.islower()", lambda: 'ǅx'.islower())
show("'123'.islower()", lambda: '123'.islower())
show("'-12'.islower()", lambda: '-12'.islower())
show("'aAbB'.islower()", lambda: 'aAbB'.islower())
show("'tab\\tx'.islower()", lambda: 'tab\tx'.islower())
show("'日本'.islower()", lambda: '日本'.islower())
show("'🙂a'.islower()", lambda: '🙂a'.islower())
show("'hello hello'.islower()", lambda: 'hello hello'.islower())
show("'..a..'.islower()", lambda: '..a..'.islower())
show("'A1_b'.islower()", lambda: 'A1_b'.islower())
show("'ﬁ'.islower()", lambda: 'ﬁ'.islower())
