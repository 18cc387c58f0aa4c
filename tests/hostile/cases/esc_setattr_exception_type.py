# builtin types are shared by every interpreter in the process: they must be immutable
# limits: 
# expect: TypeError|AttributeError
# match: ^TypeError: cannot set 'x' attribute of immutable type 'ValueError'$
ValueError.x = 1
print('ESCAPED')
