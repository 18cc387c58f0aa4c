# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
def gen():
    yield 1
g = gen()
next(g)
g.gi_frame.f_back.f_globals
print('ESCAPED')
