# every key hashes to 0: quadratic probing must poll the clock
# limits: --max-duration=1
# expect: ok|TimeoutError
d = {}
for i in range(100000):
    d[i * (2**61 - 1)] = i
print(len(d))
