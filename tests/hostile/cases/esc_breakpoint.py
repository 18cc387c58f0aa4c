# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
breakpoint()
print('ESCAPED')
