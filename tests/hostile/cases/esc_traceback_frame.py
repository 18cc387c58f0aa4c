# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
try:
    1 / 0
except Exception as e:
    e.__traceback__.tb_frame.f_globals
print('ESCAPED')
