# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
def gen():
    yield 1
gen().gi_code.co_consts
print('ESCAPED')
