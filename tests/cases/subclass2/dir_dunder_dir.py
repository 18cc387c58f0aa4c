class B:
    def __dir__(self): return ['z', 'a']
print(dir(B()))
class B2:
    def __dir__(self): return ('q', 'b')
print(dir(B2()))
class B3:
    def __dir__(self): return 5
try:
    dir(B3())
except TypeError as e:
    print(e)
class B4:
    def __dir__(self): return ['a', 1]
try:
    dir(B4())
except TypeError as e:
    print(e)
class B5:
    def __dir__(self): return {'k': 1, 'c': 2}
print(dir(B5()))
