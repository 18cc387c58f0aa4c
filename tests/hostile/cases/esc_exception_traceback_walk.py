# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
try:
    raise ValueError
except ValueError as e:
    e.__traceback__.tb_next.tb_frame
print('ESCAPED')
