# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
(1).__reduce_ex__(2)[0].__globals__
print('ESCAPED')
