class M:
    def __init__(self, rows): self.rows = [list(r) for r in rows]
    def __matmul__(self, o):
        cols = list(zip(*o.rows))
        return M([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __add__(self, o): return M([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])
    def __mul__(self, k): return M([[a * k for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __eq__(self, o): return self.rows == o.rows
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __repr__(self): return f"M({self.rows})"
a = M([[1, 2], [3, 4]])
i = M([[1, 0], [0, 1]])
print(a @ i == a, a @ a, a + i, 2 * a, a * 3, a[1, 0])
