class Rec:
    def __init__(self, name, score):
        self.name, self.score = name, score
    def __repr__(self): return f"{self.name}:{self.score}"
    def __lt__(self, o): return self.score < o.score
rs = [Rec("a", 3), Rec("b", 1), Rec("c", 3), Rec("d", 2)]
print(sorted(rs), sorted(rs, key=lambda r: r.name, reverse=True))
print(sorted(rs, key=lambda r: (-r.score, r.name)))
rs.sort(reverse=True)
print(rs, min(rs), max(rs, key=lambda r: r.name))
