import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(re.sub('a', 'b', 'aaa', count=2), re.sub('A', 'b', 'aaa', flags=re.I), re.sub('a', 'b', 'aaa', 1))
print(re.subn(r'\d', '#', 'a1b2c3', count=2), re.subn(pattern='x', repl='y', string='xx'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@host bob@srv', count=1))
print(re.split(r',', 'a,b,c,d', maxsplit=2), re.split(',', 'a,b,c', 1), re.split('X', 'axbxc', flags=re.I))
print(re.findall('A', 'aAa', flags=re.I), re.search('^b', 'a\nb', flags=re.M), re.match(pattern='a', string='ab'))
print(re.compile('a').sub(repl='-', string='banana', count=2), re.compile('a').subn('-', 'banana', 0))
print(re.sub('a', 'b', 'aaa', 0, re.I), re.sub('x*', '-', 'abc'), re.sub('', '-', 'ab'))
t(lambda: re.sub('a', 'b', 'aaa', count='x'))
t(lambda: re.compile('a').sub('b', 'aaa', flags=0))
t(lambda: re.sub(re.compile('a'), 'b', 'aaa', flags=re.I))
