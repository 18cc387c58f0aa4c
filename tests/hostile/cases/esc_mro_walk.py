# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
''.__class__.__mro__[-1].__subclasses__()
print('ESCAPED')
