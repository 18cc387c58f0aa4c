# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
g = (x for x in [1])
g.gi_frame.f_globals
print('ESCAPED')
