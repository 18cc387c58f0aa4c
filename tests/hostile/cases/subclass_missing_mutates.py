# a dict subclass whose __missing__ grows the dict while a loop reads it
# limits: --max-memory=100000000 --max-duration=10
# expect: ok|RuntimeError
# stdout: done
class D(dict):
    def __missing__(self, k):
        for i in range(50):
            self[(k, i)] = i
        return len(self)
d = D()
total = 0
for i in range(2000):
    total += d[i]
print(len(d), "done")
for k in d:
    d[("new", k)]
