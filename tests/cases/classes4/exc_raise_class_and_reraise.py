class Oops(Exception):
    def __repr__(self):
        return "Oops!!"
try:
    raise Oops
except Oops as e:
    print(repr(e), e.args, type(e).__name__)
def f():
    try:
        raise Oops("inner")
    except Oops:
        raise
try:
    f()
except Exception as e:
    print("re-raised", e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print(e)
try:
    try:
        pass
    finally:
        raise Oops("from finally")
except Oops as e:
    print(e)
raise Oops("last")
