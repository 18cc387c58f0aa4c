import heapq
tests = [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
         lambda: heapq.heapify((3, 1)), lambda: heapq.heappop((1,)), lambda: heapq.heappush([]),
         lambda: heapq.heappush([1, 2], 'a'), lambda: heapq.heapify([1, 'a', 2])]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
