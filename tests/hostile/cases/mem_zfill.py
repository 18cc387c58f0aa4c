# limits: --max-duration=1
# expect: MemoryError
'x'.zfill(10**12)
