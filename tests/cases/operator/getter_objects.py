from operator import itemgetter, attrgetter, methodcaller
g = itemgetter(0)
print(g("abc"), g([9]), g((None,)), itemgetter(slice(1, 3))("abcdef"))
print(type(g).__name__, type(attrgetter("a")).__name__, type(methodcaller("a")).__name__)
get_both = itemgetter(-1, 0)
print(get_both(range(5)), get_both("xyz"))
import collections
Pt = collections.namedtuple("Pt", "x y")
pts = [Pt(3, 1), Pt(1, 2), Pt(2, 0)]
print(sorted(pts, key=attrgetter("y")), sorted(pts, key=itemgetter(0)))
try:
    g()
except TypeError as e:
    print("TypeError", e)
try:
    g(1, 2)
except TypeError as e:
    print("TypeError", e)
