# builtin types are shared by every interpreter in the process: they must be immutable
# limits: 
# expect: TypeError|AttributeError
# match: ^TypeError: cannot set 'x' attribute of immutable type 'int'$
setattr(int, 'x', 1)
print('ESCAPED')
