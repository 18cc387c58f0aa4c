class MyError(Exception):
    pass
def f():
    raise MyError("boom", 1)
try:
    f()
except MyError as e:
    print("caught", e.args)
f()
