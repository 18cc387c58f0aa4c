# str.isalnum over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isalnum()", lambda: ''.isalnum())
show("'a'.isalnum()", lambda: 'a'.isalnum())
show("'abc'.isalnum()", lambda: 'abc'.isalnum())
show("'Hello World'.isalnum()", lambda: 'Hello World'.isalnum())
show("'  pad me  '.isalnum()", lambda: '  pad me  '.isalnum())
show("'a,b,,c'.isalnum()", lambda: 'a,b,,c'.isalnum())
show("'x\\ny\\r\\nz'.isalnum()", lambda: 'x\ny\r\nz'.isalnum())
show("'straße'.isalnum()", lambda: 'straße'.isalnum())
show("'İı'.isalnum()", lambda: 'İı'.isalnum())
show("'ǅx'.isalnum()", lambda: 'ǅx'.isalnum())
show("'123'.isalnum()", lambda: '123'.isalnum())
show("'-12'.isalnum()", lambda: '-12'.isalnum())
show("'aAbB'.isalnum()", lambda: 'aAbB'.isalnum())
show("'tab\\tx'.isalnum()", lambda: 'tab\tx'.isalnum())
show("'日本'.isalnum()", lambda: '日本'.isalnum())
show("'🙂a'.isalnum()", lambda: '🙂a'.isalnum())
show("'hello hello'.isalnum()", lambda: 'hello hello'.isalnum())
show("'..a..'.isalnum()", lambda: '..a..'.isalnum())
show("'A1_b'.isalnum()", lambda: 'A1_b'.isalnum())
show("'ﬁ'.isalnum()", lambda: 'ﬁ'.isalnum())
