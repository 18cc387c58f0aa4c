# __lt__ growing the list being sorted: ValueError as CPython
# limits: --max-duration=5
# expect: ValueError
# match: ^ValueError: list modified during sort$
class Mut:
    def __init__(self, v, lst): self.v, self.lst = v, lst
    def __lt__(self, o):
        self.lst.append(Mut(0, self.lst))
        self.lst.pop(0)
        return self.v < o.v
lst = []
lst.extend(Mut(i, lst) for i in range(200))
lst.sort()
