# builtin types are shared by every interpreter in the process: they must be immutable
# limits: 
# expect: TypeError|AttributeError
# match: ^TypeError: cannot set 'join' attribute of immutable type 'str'$
del str.join
print('ESCAPED')
