# builtin types are shared by every interpreter in the process: they must be immutable
# limits: 
# expect: TypeError|AttributeError
# match: ^(TypeError: cannot set 'x' attribute of immutable type 'int'|AttributeError: type object 'type' has no attribute '__setattr__')$
type.__setattr__(int, 'x', 1)
print('ESCAPED')
