# limits: --max-duration=0.5 --max-memory=268435456
# expect: TimeoutError|ok
l = list(range(10**7))
while l:
    l.pop(0)
