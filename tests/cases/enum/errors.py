from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
tests = [lambda: Color(5), lambda: Color("RED"), lambda: Color["PURPLE"], lambda: Color.PURPLE,
         lambda: Color[1]]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
try:
    Color.RED = 3
except AttributeError as e:
    print(e)
try:
    del Color.RED
except AttributeError as e:
    print(e)
try:
    class More(Color):
        BLUE = 3
except TypeError as e:
    print(e)
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(e)
try:
    class Sunder(Enum):
        _bad_ = 1
except ValueError as e:
    print(e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print(e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(e)
