# Scope resolution through chains of blocks (symtable pass 2): free
# variables passing through functions and classes, global declarations
# cutting the chain, __class__ cells (errors: syntax/nonlocal_*).


def outer():
    a = 1
    b = 2

    def mid():
        # mid never mentions a: it passes through as a free variable
        def inner():
            return a + b
        return inner

    return mid


f = outer()
print(f()())


def cut():
    x = "local"

    def g():
        global x
        def h():
            return x  # the global: g's declaration hides cut's binding
        return h
    return g


x = "global"
print(cut()()())


def through_class():
    v = "fn"

    class K:
        v = "class"          # invisible to the method
        def m(self):
            return v
        w = v                # the class body sees its own v
    return K().m(), K.w


print(through_class())


def class_binds_free():
    y = 1

    class K:
        y = 2
        def m(self):
            return y
    print(K.__dict__["y"], K().m())
    return K


class_binds_free()


class Base:
    def who(self):
        return "Base"


class Derived(Base):
    def who(self):
        return [super().who()] + [__class__.__name__ for _ in range(1)] + [(lambda: __class__)().__name__]


print(Derived().who())


def nonlocal_chain():
    n = 0

    def a():
        def b():
            nonlocal n
            n += 1
            return n
        return b
    a()()
    a()()
    return n


print(nonlocal_chain())


def nonlocal_in_class():
    z = 1

    class C:
        nonlocal z
        z = 5
    return z


print(nonlocal_in_class())


def walrus():
    data = [1, 2, 3]
    [last := d for d in data]
    return last, (lambda: last)()


print(walrus())


def param_cell(p, *args, q=3, **kw):
    def g():
        return p, args, q, kw
    return g


print(param_cell(1, 2, q=4, r=5)())


def many_frees():
    zeta, alpha, mu = 1, 2, 3

    def g():
        return mu, zeta, alpha
    return g


print(many_frees()())
