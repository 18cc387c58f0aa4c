# limits: --max-duration=0.5 --max-memory=268435456
# expect: TimeoutError|ok
l = [0] * 10**7
for i in range(10**6):
    l.count(1)
