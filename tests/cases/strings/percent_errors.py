for fmt, args in [('%d', 'x'), ('%s %s', (1,)), ('%s', (1, 2)), ('%y', 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
