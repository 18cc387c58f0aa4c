import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.expand(r'\2, \1'), m.expand(r'\g<last>/\g<first>/\g<0>'), m.expand(r'\n\t\\'), m.expand('plain'))
print(repr(m.expand(r'\0')), repr(m.expand(r'\101')), m.expand(r'\g<2>\g<1>'))
m2 = re.match(r'(a)(b)?', 'a')
print(repr(m2.expand(r'[\2]')), repr(m2.expand(r'\1\1')))
t(lambda: m.expand(r'\3'))
t(lambda: m.expand(r'\g<nope>'))
t(lambda: m.expand(r'\g<1'))
t(lambda: m.expand('\\'))
t(lambda: m.expand(r'\q'))
t(lambda: m.expand(5))
t(lambda: m.expand(template=r'\1'))
