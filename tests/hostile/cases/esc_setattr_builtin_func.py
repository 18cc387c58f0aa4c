# builtin types are shared by every interpreter in the process: they must be immutable
# limits: 
# expect: TypeError|AttributeError
# match: ^AttributeError: 'builtin_function_or_method' object has no attribute 'x'$
len.x = 1
print('ESCAPED')
