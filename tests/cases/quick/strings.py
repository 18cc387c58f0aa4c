# String literals: escapes, prefixes, bytes, implicit concatenation.
a = 'tab\there' "\n" '\x41\u00e9\U0001F600\101\0end'
b = r'\d+\.\w' R"\n" u'unicode' U'x'
c = b'\x00\xff' b"\n" rb'\d' Br'\x'
d = ('multi '
     'line '
     'concat')
e = '''triple
quoted''' + """and "quotes" """
f = 'a\
b'
print(repr(a), repr(b), repr(c), repr(d), repr(e), repr(f))
print(len(a), len(c), 'x' 'y'.upper(), b'ab' b'cd', '\\', '\'', "\"")
if 'a' 'b':
    print('concat is true')
if '' '':
    print('never')
while b'':
    print('never')
print([s.strip() for s in ' p , q '.split(',')])
