import copy
class Node:
    def __init__(self, val):
        self.val = val
        self.children = []
    def add(self, n):
        self.children.append(n)
        n.parent = self
        return n
root = Node("root")
a = root.add(Node("a"))
a.add(Node("a1"))
r2 = copy.deepcopy(root)
print(r2.val, r2.children[0].val, r2.children[0].parent is r2, r2.children[0] is a)
print(r2.children[0].children[0].parent is r2.children[0])
r3 = copy.copy(root)
print(r3.children is root.children, r3 is root, type(r3).__name__)
class Slotless:
    pass
o = Slotless()
print(copy.deepcopy(o).__dict__, type(copy.copy(o)) is Slotless)
