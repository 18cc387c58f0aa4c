# limits: --max-memory=67108864
# expect: MemoryError
s = 'a'
while True:
    s += s
