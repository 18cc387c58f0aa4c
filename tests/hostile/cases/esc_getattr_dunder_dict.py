# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
getattr(len, '__dict__')['open']
print('ESCAPED')
