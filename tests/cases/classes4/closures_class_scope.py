class A:
    x = 10
    def get(self):
        try:
            return x
        except NameError as e:
            return f"NameError: {e}"
    ys = [x for _ in range(1)] if False else None
print(A().get())
def make():
    x = "enclosing"
    class B:
        x = "class"
        def f(self):
            return x
        g = lambda self: x
    return B()
b = make()
print(b.f(), b.g(), b.x)
