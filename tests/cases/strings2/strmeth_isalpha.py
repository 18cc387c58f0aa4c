# str.isalpha over a table of receivers and arguments
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show("''.isalpha()", lambda: ''.isalpha())
show("'a'.isalpha()", lambda: 'a'.isalpha())
show("'abc'.isalpha()", lambda: 'abc'.isalpha())
show("'Hello World'.isalpha()", lambda: 'Hello World'.isalpha())
show("'  pad me  '.isalpha()", lambda: '  pad me  '.isalpha())
show("'a,b,,c'.isalpha()", lambda: 'a,b,,c'.isalpha())
show("'x\\ny\\r\\nz'.isalpha()", lambda: 'x\ny\r\nz'.isalpha())
show("'straße'.isalpha()", lambda: 'straße'.isalpha())
show("'İı'.isalpha()", lambda: 'İı'.isalpha())
show("'ǅx'.isalpha()", lambda: 'ǅx'.isalpha())
show("'123'.isalpha()", lambda: '123'.isalpha())
show("'-12'.isalpha()", lambda: '-12'.isalpha())
show("'aAbB'.isalpha()", lambda: 'aAbB'.isalpha())
show("'tab\\tx'.isalpha()", lambda: 'tab\tx'.isalpha())
show("'日本'.isalpha()", lambda: '日本'.isalpha())
show("'🙂a'.isalpha()", lambda: '🙂a'.isalpha())
show("'hello hello'.isalpha()", lambda: 'hello hello'.isalpha())
show("'..a..'.isalpha()", lambda: '..a..'.isalpha())
show("'A1_b'.isalpha()", lambda: 'A1_b'.isalpha())
show("'ﬁ'.isalpha()", lambda: 'ﬁ'.isalpha())
