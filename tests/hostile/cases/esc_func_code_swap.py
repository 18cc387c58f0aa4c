# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
f = lambda: 0
f.__code__ = (lambda: 1).__code__
print(f())
print('ESCAPED')
