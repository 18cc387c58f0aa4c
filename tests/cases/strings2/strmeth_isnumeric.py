# str.isnumeric over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isnumeric()", lambda: ''.isnumeric())
show("'a'.isnumeric()", lambda: 'a'.isnumeric())
show("'abc'.isnumeric()", lambda: 'abc'.isnumeric())
show("'Hello World'.isnumeric()", lambda: 'Hello World'.isnumeric())
show("'  pad me  '.isnumeric()", lambda: '  pad me  '.isnumeric())
show("'a,b,,c'.isnumeric()", lambda: 'a,b,,c'.isnumeric())
show("'x\\ny\\r\\nz'.isnumeric()", lambda: 'x\ny\r\nz'.isnumeric())
show("'straße'.isnumeric()", lambda: 'straße'.isnumeric())
show("'İı'.isnumeric()", lambda: 'İı'.isnumeric())
show("'ǅx'.isnumeric()", lambda: 'ǅx'.isnumeric())
show("'123'.isnumeric()", lambda: '123'.isnumeric())
show("'-12'.isnumeric()", lambda: '-12'.isnumeric())
show("'aAbB'.isnumeric()", lambda: 'aAbB'.isnumeric())
show("'tab\\tx'.isnumeric()", lambda: 'tab\tx'.isnumeric())
show("'日本'.isnumeric()", lambda: '日本'.isnumeric())
show("'🙂a'.isnumeric()", lambda: '🙂a'.isnumeric())
show("'hello hello'.isnumeric()", lambda: 'hello hello'.isnumeric())
show("'..a..'.isnumeric()", lambda: '..a..'.isnumeric())
show("'A1_b'.isnumeric()", lambda: 'A1_b'.isnumeric())
show("'ﬁ'.isnumeric()", lambda: 'ﬁ'.isnumeric())
