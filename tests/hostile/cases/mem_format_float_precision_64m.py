# limits: --max-memory=67108864
# expect: MemoryError
f'{1.5:.{10**8}f}'
