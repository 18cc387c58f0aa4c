# binding a function again and again with __get__
# limits: --max-memory=60000000 --max-duration=10
# expect: ok
def f(*a):
    return len(a)
g = f
for i in range(100000):
    b = f.__get__(i)
print(b(), f.__get__(None, int) is f)
