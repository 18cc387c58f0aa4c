import bisect
tests = [lambda: bisect.bisect([1], 1, -1), lambda: bisect.insort((1,), 1), lambda: bisect.bisect(1, 1),
         lambda: bisect.bisect_left([1], 1, 0, 'a'), lambda: bisect.bisect([1, 2], 'x'),
         lambda: bisect.bisect_left([1, 2], 1, lo='a'), lambda: bisect.bisect_right([1], 1, 0, 5),
         lambda: bisect.bisect()]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
