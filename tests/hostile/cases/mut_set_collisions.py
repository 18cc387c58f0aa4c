# limits: --max-duration=1
# expect: ok|TimeoutError
s = set()
for i in range(100000):
    s.add(i * (2**61 - 1))
print(len(s))
