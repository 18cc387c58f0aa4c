# 10**12 bytes exceed the CLI default memory limit (uncatchable MemoryError); otherwise the clock stops the loop
# limits: --max-duration=0.5
# expect: TimeoutError|MemoryError
while True:
    try:
        'a' * 10**12
    except MemoryError:
        pass
