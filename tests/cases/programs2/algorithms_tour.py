from itertools import permutations, combinations, product, groupby, accumulate, chain, count, cycle, repeat, starmap, zip_longest
print(list(permutations("abc", 2))[:4], len(list(combinations(range(6), 3))), list(product([0, 1], repeat=2)))
data = sorted([("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)], key=lambda x: x[0])
for k, grp in groupby(data, key=lambda x: x[0]):
    print(k, [v for _, v in grp])
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(chain([1], (2,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(zip_longest("ab", [1, 2, 3], fillvalue="-")), list(starmap(pow, [(2, 3)])), list(zip(count(10), "xy")), list(zip(cycle("ab"), range(5))), list(repeat(1, 3)))
def is_prime(n):
    if n < 2: return False
    return all(n % d for d in range(2, int(n ** 0.5) + 1))
print([n for n in range(50) if is_prime(n)])
def matmul(a, b):
    return [[sum(x * y for x, y in zip(r, c)) for c in zip(*b)] for r in a]
print(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
def binsearch(xs, t):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == t: return mid
        if xs[mid] < t: lo = mid + 1
        else: hi = mid - 1
    return -1
print(binsearch(list(range(0, 100, 3)), 42), binsearch([1, 2], 5))
from collections import deque, namedtuple, OrderedDict
dq = deque([1, 2, 3], maxlen=4); dq.appendleft(0); dq.append(4); print(dq, dq.popleft(), dq.rotate(1), dq)
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2); print(p, p.x + p.y, p._asdict(), p._replace(x=5), Point._fields, tuple(p))
od = OrderedDict(); od["b"] = 1; od["a"] = 2; od.move_to_end("b"); print(od, list(od))
def bfs(graph, start):
    seen, q, order = {start}, deque([start]), []
    while q:
        n = q.popleft(); order.append(n)
        for m in graph.get(n, []):
            if m not in seen: seen.add(m); q.append(m)
    return order
print(bfs({"a": ["b", "c"], "b": ["d"], "c": ["d", "e"]}, "a"))
def rle(s):
    return "".join(f"{ch}{len(list(g))}" for ch, g in groupby(s))
print(rle("aaabccdddd"))
def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v: out += s; n -= v
    return out
print([roman(n) for n in (1994, 2024, 4, 3999)])
def wrap(text, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        if len(cur) + len(w) + (1 if cur else 0) > width: lines.append(cur); cur = w
        else: cur = f"{cur} {w}" if cur else w
    if cur: lines.append(cur)
    return lines
print(wrap("the quick brown fox jumps over the lazy dog", 10))
import textwrap
print(textwrap.fill("the quick brown fox jumps over the lazy dog", 12), textwrap.dedent("  a\n  b"), textwrap.shorten("hello world foo", 11))
import string
print(string.ascii_lowercase, string.digits, string.punctuation, string.capwords("hi there"))
