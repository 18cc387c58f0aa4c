# BINARY_SLICE copies without a slice object: a loop of big copies still
# stops at the time limit
# limits: --max-duration=0.5
# expect: TimeoutError
s = "ab" * 10**6
l = list(range(10**6))
t = tuple(l)
while True:
    s[1:-1]
    l[1:]
    t[:-1]
