# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
type.__subclasses__(object)
print('ESCAPED')
