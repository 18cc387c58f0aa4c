# many short-lived boxed instances and classes: collected, bounded memory
# limits: --max-memory=60000000 --max-duration=10
# expect: ok
# stdout: done
for i in range(3000):
    class I(int):
        pass
    class S(str):
        pass
    class T(tuple):
        pass
    x = I(i); x.tag = S("t" * 10); y = T((x, x.tag))
    y.more = [y]
print("done")
