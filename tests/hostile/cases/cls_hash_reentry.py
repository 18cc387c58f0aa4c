# __hash__ re-entering hash() of itself: RecursionError
# limits: --max-recursion=100000000
# expect: RecursionError
class H:
    def __hash__(self): return hash(self)
{H(): 1}
