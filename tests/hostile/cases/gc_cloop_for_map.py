# a VM loop over a C iterator making garbage
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
n = 0
for s in map(str, range(10**6)):
    n += len(s)
print(n)
