from collections import defaultdict
class Graph(defaultdict):
    def __init__(self, edges=()):
        super().__init__(set)
        for a, b in edges:
            self[a].add(b)
            self[b].add(a)
g = Graph([(1, 2), (2, 3)])
print(sorted(g.items()), g.default_factory)
print(g[9], len(g))
