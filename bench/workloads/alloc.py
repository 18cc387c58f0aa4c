# Many small allocations: short-lived tuples, lists, dicts, strings; a linked list of tuples.
N = 130000  # quick: 13000


def run(n):
    keep = []
    head = None
    total = 0
    for i in range(n):
        t = (i, i + 1, i + 2)
        lst = [i, t, None]
        d = {"k": i, "v": lst}
        s = str(i)
        head = (i, head)
        total += len(lst) + len(d) + len(s) + t[2]
        if i % 100 == 0:
            keep.append({"i": i, "t": t, "s": s * 2})
    depth = 0
    node = head
    while node is not None:
        depth += node[0] & 1
        node = node[1]
    small = [[j] * 3 for j in range(n // 2)]
    pairs = [(a, b) for a, b in zip(range(n // 2), range(n // 2, 0, -1))]
    sets = [{j, j + 1} for j in range(n // 8)]
    cells = sum(len(x) for x in small)
    return total, depth, len(keep), cells, len(pairs), sum(len(s) for s in sets)


print(run(N))
