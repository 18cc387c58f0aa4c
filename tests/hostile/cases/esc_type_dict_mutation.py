# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
int.__dict__['__add__'] = 1
print('ESCAPED')
