# str.capitalize over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.capitalize()", lambda: ''.capitalize())
show("'a'.capitalize()", lambda: 'a'.capitalize())
show("'abc'.capitalize()", lambda: 'abc'.capitalize())
show("'Hello World'.capitalize()", lambda: 'Hello World'.capitalize())
show("'  pad me  '.capitalize()", lambda: '  pad me  '.capitalize())
show("'a,b,,c'.capitalize()", lambda: 'a,b,,c'.capitalize())
show("'x\\ny\\r\\nz'.capitalize()", lambda: 'x\ny\r\nz'.capitalize())
show("'straße'.capitalize()", lambda: 'straße'.capitalize())
show("'İı'.capitalize()", lambda: 'İı'.capitalize())
show("'ǅx'.capitalize()", lambda: 'ǅx'.capitalize())
show("'123'.capitalize()", lambda: '123'.capitalize())
show("'-12'.capitalize()", lambda: '-12'.capitalize())
show("'aAbB'.capitalize()", lambda: 'aAbB'.capitalize())
show("'tab\\tx'.capitalize()", lambda: 'tab\tx'.capitalize())
show("'日本'.capitalize()", lambda: '日本'.capitalize())
show("'🙂a'.capitalize()", lambda: '🙂a'.capitalize())
show("'hello hello'.capitalize()", lambda: 'hello hello'.capitalize())
show("'..a..'.capitalize()", lambda: '..a..'.capitalize())
show("'A1_b'.capitalize()", lambda: 'A1_b'.capitalize())
show("'ﬁ'.capitalize()", lambda: 'ﬁ'.capitalize())
