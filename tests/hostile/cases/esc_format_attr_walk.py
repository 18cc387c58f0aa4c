# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
'{0.__class__.__base__.__subclasses__}'.format(())
print('ESCAPED')
