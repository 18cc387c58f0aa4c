# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
getattr(getattr(getattr((), '__class__'), '__base__'), '__subclasses__')()
print('ESCAPED')
