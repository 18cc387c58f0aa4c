# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
'{0.__globals__[__builtins__]}'.format(lambda: 0)
print('ESCAPED')
