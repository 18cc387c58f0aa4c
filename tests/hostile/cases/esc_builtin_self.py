# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
print.__self__.open
print('ESCAPED')
