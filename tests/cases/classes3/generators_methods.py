class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
    def depth(self):
        return 1 + max((k.depth() for k in self.kids), default=0)
t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t), t.depth(), sum(t), sorted(t, reverse=True), 4 in t)
