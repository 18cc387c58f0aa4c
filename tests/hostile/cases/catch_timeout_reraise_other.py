# a handler that replaces the limit exception must not run at all
# limits: --max-duration=0.5
# expect: TimeoutError
while True:
    try:
        try:
            while True:
                pass
        except BaseException:
            raise ValueError('swap')
    except ValueError:
        pass
