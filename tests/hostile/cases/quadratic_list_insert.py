# limits: --max-duration=0.5
# expect: TimeoutError|ok
l = []
for i in range(10**7):
    l.insert(0, i)
