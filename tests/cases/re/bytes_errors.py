import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: re.search(b'a', 'aaa'))
t(lambda: re.search('a', b'aaa'))
t(lambda: re.compile('a').match(b'a'))
t(lambda: re.compile(b'a').findall('a'))
t(lambda: re.search('a', 1))
t(lambda: re.sub('a', b'x', 'aaa'))
t(lambda: re.sub(b'a', 'x', b'aaa'))
t(lambda: re.sub(b'a', 'x', b'bbb'))
t(lambda: re.sub(b'a', lambda m: 'x', b'aaa'))
t(lambda: re.sub('a', lambda m: b'x', 'aaa'))
t(lambda: re.sub(b'a', lambda m: 1, b'aaa'))
t(lambda: re.match(rb'(\w+)', b'abc').expand('x'))
t(lambda: re.match('(a)', 'a').expand(b'x'))
t(lambda: re.compile(b'a+', re.U))
t(lambda: re.compile(b'a+', re.L | re.A))
t(lambda: re.compile(b'(?u)a'))
t(lambda: re.compile('(?L)a'))
t(lambda: re.compile('a', re.L))
t(lambda: re.compile(rb'\u0041'))
t(lambda: re.compile(rb'\N{DIGIT ONE}'))
t(lambda: re.compile(rb'[\U00000041]'))
t(lambda: re.compile(rb'a('))
try:
    re.compile(b'ab\n(')
except re.error as e:
    print(e, e.lineno, e.colno, e.pos, e.pattern)
