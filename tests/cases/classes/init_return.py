class A:
    def __init__(self):
        return 5
try:
    A()
except TypeError as e:
    print(e)
class B:
    pass
try:
    B(1, 2)
except TypeError as e:
    print(e)
try:
    B(x=1)
except TypeError as e:
    print(e)
class C:
    def __init__(self, a):
        self.a = a
try:
    C()
except TypeError as e:
    print(e)
print(C(a=1).a)
