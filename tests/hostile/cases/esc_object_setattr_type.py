# builtin types are shared by every interpreter in the process: they must be immutable
# limits: 
# expect: TypeError|AttributeError
# match: ^(TypeError: can't apply this __setattr__ to type object|AttributeError: type object 'object' has no attribute '__setattr__')$
object.__setattr__(int, 'x', 1)
print('ESCAPED')
