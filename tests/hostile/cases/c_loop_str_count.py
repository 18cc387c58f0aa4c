# limits: --max-duration=0.5
# expect: TimeoutError|ok
s = 'ab' * 10**6
n = 0
while True:
    n += s.count('ba') + s.find('abc')
