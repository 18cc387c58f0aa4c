# limits: --max-duration=0.5
# expect: TimeoutError
errors = []
while True:
    try:
        while True:
            pass
    except (TimeoutError, KeyboardInterrupt, MemoryError) as e:
        errors.append(e)
