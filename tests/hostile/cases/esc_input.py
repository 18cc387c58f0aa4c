# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
input()
print('ESCAPED')
