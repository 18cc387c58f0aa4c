# heapq.merge, run by sandpy at import (embedded into sp_heapq.c by
# tools/embed_py.py).  A generator, lazy as CPython's: it follows the same
# algorithm (a heap of [value, order, iterator] entries, order breaking ties
# so equal values come out in input order), so comparisons happen on the
# same operands.  heapify/heappop/heapreplace are the natives of sp_heapq.c.


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


def _heappop_max(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def merge(*iterables, key=None, reverse=False):
    '''Merge multiple sorted inputs into a single sorted output.'''
    if reverse:
        heapify_, heappop_, heapreplace_, direction = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        heapify_, heappop_, heapreplace_, direction = _heapify, _heappop, _heapreplace, 1
    h = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            h.append([value if key is None else key(value), order * direction, value, it])
            break
    heapify_(h)
    while len(h) > 1:
        s = h[0]
        yield s[2]
        for value in s[3]:
            if key is None:
                s[0] = value
            else:
                s[0] = key(value)
            s[2] = value
            break
        else:
            heappop_(h)
            continue
        heapreplace_(h, s)
    if h:
        yield h[0][2]
        yield from h[0][3]
