print('a,b,,c'.split(','), ' a  b c '.split(), 'a b c'.split(None, 1), 'a,b,c'.rsplit(',', 1))
print('line1\nline2\r\nline3'.splitlines(), 'x\ny\n'.splitlines(True))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('abc'))
try:
    ','.join(['a', 1])
except TypeError as e:
    print(e)
