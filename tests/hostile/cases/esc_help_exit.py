# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
help(exit)
print('ESCAPED')
