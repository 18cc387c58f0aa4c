# __class__ swapped between compatible classes in a loop, then to a builtin
# limits: --max-duration=10
# expect: TypeError
# match: __class__ assignment only supported
class A(list):
    def f(self): return 1
class B(list):
    def f(self): return 2
x = A([1])
for i in range(10000):
    x.__class__ = B if i % 2 else A
print(x.f())
x.__class__ = list
