import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

bad = ['(', '(a', 'a)', '*', '+a', '?', 'a**', 'a{2,1}', '[a', '[b-a]', '(?P<1>a)', '(?P<n>a)(?P<n>b)', '\\1',
       '(?<=a+)b', 'x{', '\\', '(?P<a', '(?z)', '[]', 'a|*', '(?<!a*)', '(?P=nope)', '\\xZZ', '(?#unterminated',
       '((a)', 'a{99999999999}', '\\u12', '[\\d-z]', '(?i', 'ab(?:c', '\n(', 'x\n  (?P<1>y)']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), '|', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
