# __index__ returning huge ints and non-ints where an index is needed
# limits: --max-memory=100000000 --max-duration=10
# expect: ok
class Big:
    def __index__(self):
        return 10 ** 100000
class Bad:
    def __index__(self):
        return 1.5
for f in (lambda v: [1][v], lambda v: "ab" * v, lambda v: b"x"[v], lambda v: (1,)[v],
          lambda v: [0] * v, lambda v: range(v), lambda v: "abc"[v:]):
    for v in (Big(), Bad()):
        try:
            f(v)
        except (TypeError, IndexError, OverflowError, ValueError) as e:
            print(type(e).__name__)
print(len(hex(Big())))
