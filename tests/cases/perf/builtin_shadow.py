# LOAD_GLOBAL remembers "not in globals, so the builtin": every way a
# global can appear afterwards must be seen at once.


def use():
    return len("abc"), abs(-2)


def get_abs():
    return abs


def warm(n):
    r = None
    for _ in range(n):
        r = len("ab")
    return r


print(warm(300), use())
len = lambda s: "global len"
print(warm(3), use())
del len
print(warm(300), use())


def set_global():
    global abs
    abs = lambda x: "via global stmt"


set_global()
print(use())
del abs
print(use())


def len(s):
    return "def len"


print(use())
del len
print(use())
for len in (max,):
    print(use())
del len
print(use())
try:
    raise KeyError
except KeyError as abs:
    print(get_abs() is abs)
print(use())
import math as abs

print(get_abs() is abs)
del abs
print(warm(300), use())
if (len := min):
    print(use(), len([3], [2]))
del len
print(use())


class C:
    print(len("xy"))
    len = lambda s: "class len"
    print(len("xy"))


print(use())
from string import *  # noqa: adds names, none of them builtins

print(use())
for i in range(3):
    if i == 1:
        len = str.upper
    print(len("ab"), warm(1))
del len
print(use(), [len(x) for x in ("a", "bb")], sum(len(x) for x in ("a", "bb")))


def deep():
    def inner():
        return len("abcd"), sorted("ba")

    return inner


f = deep()
print(f())
sorted = reversed
print(f()[0], list(f()[1]))
del sorted
print(f())
try:
    print(undefined_name)
except NameError as e:
    print(e)
undefined_name = 5
print(undefined_name)
