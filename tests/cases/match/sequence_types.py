# Which subjects can match a sequence pattern: not str, bytes, dict, set, iterators.
import collections

def seq(v):
    match v:
        case [a, b]:
            return f"seq2({a!r}, {b!r})"
        case [*x]:
            return f"seq{len(x)}"
        case _:
            return "not a sequence"

for v in ["ab", b"ab", {"a": 1, "b": 2}, {1, 2}, frozenset([1, 2]), iter([1, 2]), (x for x in [1, 2]),
          [1, 2], (1, 2), range(2), range(7), "", b"", 12, None, {}, collections.OrderedDict(a=1, b=2)]:
    print(type(v).__name__, seq(v))
