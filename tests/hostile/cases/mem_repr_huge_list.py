# repr of a big container checks the limit as it grows
# limits: --max-memory=268435456
# expect: MemoryError
l = list(range(10**7))
s = repr(l)
t = s + s
