import re
try:
    re.compile('abc\n(def')
except re.error as e:
    print(e.msg, e.pos, e.lineno, e.colno, repr(e.pattern))
    print(str(e))
e = re.error('custom', 'xy', 1)
print(e, e.pos, e.lineno, e.colno)
print(re.error('bare'), re.error('bare').pos)
print(issubclass(re.error, Exception))
