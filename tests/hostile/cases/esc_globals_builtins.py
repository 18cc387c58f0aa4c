# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
globals()['__builtins__'].open
print('ESCAPED')
