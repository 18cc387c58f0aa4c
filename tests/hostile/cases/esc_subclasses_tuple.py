# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
().__class__.__bases__[0].__subclasses__()
print('ESCAPED')
