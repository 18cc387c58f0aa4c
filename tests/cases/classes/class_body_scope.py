x = "global"
class A:
    x = "class"
    y = x + "!"
    def f(self):
        return x
    z = [x for _ in range(2)]
print(A.y, A().f(), A.z)
def outer():
    v = 1
    class B:
        w = v + 1
        def g(self):
            return v
    return B
B = outer()
print(B.w, B().g())
