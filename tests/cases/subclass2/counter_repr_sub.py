from collections import Counter
class MyCounter(Counter):
    pass
c = MyCounter("abracadabra")
print(c)
print(MyCounter(), repr(MyCounter(x=2)))
print(type(c + c).__name__, c + c)
print(type(c.copy()).__name__, c.copy() == c)
