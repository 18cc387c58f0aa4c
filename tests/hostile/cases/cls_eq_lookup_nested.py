# __eq__ (reached from a dict probe) probing another dict with colliding
# keys: comparison -> nested loop -> comparison ... under a huge Python limit.
# limits: --max-recursion=100000000
# expect: RecursionError
class E:
    def __hash__(self): return 1
    def __eq__(self, other):
        return {E(): 1, E(): 2} is None
{E(): 1, E(): 2}
