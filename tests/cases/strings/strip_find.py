print('  hi  '.strip(), 'xxhixx'.strip('x'), '  hi'.lstrip(), 'hi  '.rstrip(), 'abcba'.strip('ab'))
s = 'hello world hello'
print(s.find('hello'), s.find('hello', 1), s.rfind('hello'), s.find('zz'), s.count('l'), s.count('hello'))
print(s.index('world'), s.startswith('hell'), s.endswith(('x', 'llo')), s.replace('hello', 'bye'), s.replace('l', 'L', 2))
try:
    s.index('zz')
except ValueError as e:
    print(e)
