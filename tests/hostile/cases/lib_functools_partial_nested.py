# expect: ok
# stdout: done
import functools
p = functools.partial(max, 0)
for i in range(100000):
    p = functools.partial(p)
print(p(5, 3) == 5 and p.args == (0,) and 'done')
