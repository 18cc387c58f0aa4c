# __hash__ storing a fresh instance as a dict key, without any builtin call
# in between: each level nests the interpreter loop in C (call_slot), so the
# C stack guard, not the huge Python limit, must stop it.
# limits: --max-recursion=100000000
# expect: RecursionError
class H:
    def __hash__(self):
        d = {}
        d[H()] = 1
        return 1
{H(): 1}
