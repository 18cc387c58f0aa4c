class A:
    x = 1
    def f(self): pass
print(dir(A))
print(dir(A()))
print(dir(object()))
class K(A):
    y = 2
    def __init__(self): self.z = 3
print(dir(K()))
