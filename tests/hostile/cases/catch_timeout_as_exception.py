# limits: --max-duration=0.5
# expect: TimeoutError
while True:
    try:
        while True:
            pass
    except Exception:
        pass
    except TimeoutError:
        pass
