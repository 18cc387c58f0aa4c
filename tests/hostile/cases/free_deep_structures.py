# freeing never recurses: the GC sweeps a list
# limits: --max-memory=1073741824
# expect: ok
# stdout: ^freed\n$
x = []
for i in range(1000000):
    x = [x]
d = {}
for i in range(300000):
    d = {'k': d, 'v': [d]}
t = ()
for i in range(1000000):
    t = (t, i)
f = lambda: None
for i in range(100000):
    f = (lambda g: lambda: g)(f)
x = d = t = f = None
junk = [[i] for i in range(200000)]
print('freed')
