for f in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max([1, 'a'])]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
