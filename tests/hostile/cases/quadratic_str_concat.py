# limits: --max-duration=1
# expect: TimeoutError|ok
s = ''
for i in range(10**7):
    s = s + 'x'
