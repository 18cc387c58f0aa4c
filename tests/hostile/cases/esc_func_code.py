# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
(lambda: 0).__code__.co_code
print('ESCAPED')
