# a str subclass whose __hash__ hashes itself, used as a dict key
# limits: --max-duration=10
# expect: RecursionError
class S(str):
    def __hash__(self):
        return hash(self)
{S("a"): 1}
