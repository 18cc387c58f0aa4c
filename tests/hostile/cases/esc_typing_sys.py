# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
import typing
typing.sys.modules['os']
print('ESCAPED')
