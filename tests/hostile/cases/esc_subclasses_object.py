# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
object.__subclasses__()
print('ESCAPED')
