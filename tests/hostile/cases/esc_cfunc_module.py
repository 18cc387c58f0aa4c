# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
len.__module__.__class__.__subclasses__()
print('ESCAPED')
