x = 5
try:
    x.foo
except AttributeError as e:
    print(e)
'abc'.nope()
