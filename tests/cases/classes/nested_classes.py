class Tree:
    class Node:
        def __init__(self, val, kids=()):
            self.val = val
            self.kids = list(kids)
        def total(self):
            return self.val + sum(k.total() for k in self.kids)
    def __init__(self, root):
        self.root = root
t = Tree(Tree.Node(1, [Tree.Node(2), Tree.Node(3, [Tree.Node(4)])]))
print(t.root.total(), type(t.root).__qualname__)
