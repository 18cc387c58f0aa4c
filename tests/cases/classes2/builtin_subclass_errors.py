for base in [bool, type(None), range]:
    try:
        class X(base): pass
    except TypeError as e:
        print(e)
try:
    class Y(list, dict): pass
except TypeError as e:
    print(e)
try:
    class Z(Exception, list): pass
except TypeError as e:
    print(e)
class OK(ValueError, KeyError): pass
print(OK.__mro__[1:3], isinstance(OK(), LookupError))
