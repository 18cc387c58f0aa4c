# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
vars()['__builtins__'].open
print('ESCAPED')
