class NoArgs:
    pass

class ListArgs:
    __match_args__ = ["a"]
    a = 1

class BadItem:
    __match_args__ = ("a", 2)
    a = 1

class Dup:
    __match_args__ = ("a",)
    a = 1

class Short:
    __match_args__ = ("a",)
    a = 1

def attempt(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)

def t1():
    match NoArgs():
        case NoArgs(x):
            return x
def t2():
    match ListArgs():
        case ListArgs(x):
            return x
def t3():
    match BadItem():
        case BadItem(x, y):
            return x
def t4():
    match Dup():
        case Dup(x, a=y):
            return x
def t5():
    match Short():
        case Short(x, y):
            return x
def t6():
    match Short():
        case Short(x):
            return ("ok", x)
def t7():
    match BadItem():
        case BadItem(x):
            return ("only the first name is used", x)
def t8():
    match 3:
        case NoArgs(x):
            return "no"
        case _:
            return "not an instance: __match_args__ is not consulted"

for t in [t1, t2, t3, t4, t5, t6, t7, t8]:
    attempt(t)
