# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
len.__self__.__dict__['open']
print('ESCAPED')
