class Bad:
    def __float__(self): return "x"
try:
    float(Bad())
except TypeError as e:
    print(e)
class Bad2:
    def __int__(self): return 1.5
try:
    int(Bad2())
except TypeError as e:
    print(e)
class Ok:
    def __float__(self): return 2.0
    def __index__(self): return 3
print(float(Ok()), int(Ok()))
