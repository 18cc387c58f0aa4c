# limits: --max-memory=67108864
# expect: MemoryError
t = ()
while True:
    t = (t, t)
