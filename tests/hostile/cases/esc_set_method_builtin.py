# builtin types are shared by every interpreter in the process: they must be immutable
# limits: 
# expect: TypeError|AttributeError
# match: ^TypeError: cannot set 'append' attribute of immutable type 'list'$
list.append = 1
print('ESCAPED')
