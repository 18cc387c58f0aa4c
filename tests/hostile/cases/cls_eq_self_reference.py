# __eq__ recursing through a self-referencing structure: RecursionError
# limits: --max-recursion=100000000
# expect: RecursionError
class Node:
    def __init__(self): self.kids = [self]
    def __eq__(self, o): return self.kids == o.kids
Node() == Node()
