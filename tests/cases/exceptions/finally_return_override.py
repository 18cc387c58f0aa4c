def f():
    try:
        return 1
    finally:
        print('fin')
def g():
    try:
        raise ValueError
    finally:
        return 'swallowed'
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(f(), g(), h())
