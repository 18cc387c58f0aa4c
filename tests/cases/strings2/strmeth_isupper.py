# str.isupper over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isupper()", lambda: ''.isupper())
show("'a'.isupper()", lambda: 'a'.isupper())
show("'abc'.isupper()", lambda: 'abc'.isupper())
show("'Hello World'.isupper()", lambda: 'Hello World'.isupper())
show("'  pad me  '.isupper()", lambda: '  pad me  '.isupper())
show("'a,b,,c'.isupper()", lambda: 'a,b,,c'.isupper())
show("'x\\ny\\r\\nz'.isupper()", lambda: 'x\ny\r\nz'.isupper())
show("'straße'.isupper()", lambda: 'straße'.isupper())
show("'İı'.isupper()", lambda: 'İı'.isupper())
show("'ǅx'.isupper()", lambda: 'ǅx'.isupper())
show("'123'.isupper()", lambda: '123'.isupper())
show("'-12'.isupper()", lambda: '-12'.isupper())
show("'aAbB'.isupper()", lambda: 'aAbB'.isupper())
show("'tab\\tx'.isupper()", lambda: 'tab\tx'.isupper())
show("'日本'.isupper()", lambda: '日本'.isupper())
show("'🙂a'.isupper()", lambda: '🙂a'.isupper())
show("'hello hello'.isupper()", lambda: 'hello hello'.isupper())
show("'..a..'.isupper()", lambda: '..a..'.isupper())
show("'A1_b'.isupper()", lambda: 'A1_b'.isupper())
show("'ﬁ'.isupper()", lambda: 'ﬁ'.isupper())
