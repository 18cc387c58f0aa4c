# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
(lambda: 0).__globals__['__builtins__'].open
print('ESCAPED')
