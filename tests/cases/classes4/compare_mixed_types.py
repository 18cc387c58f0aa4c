class Money:
    def __init__(self, c): self.c = c
    def __eq__(self, o):
        if isinstance(o, Money): return self.c == o.c
        if isinstance(o, (int, float)): return self.c == o
        return NotImplemented
    def __lt__(self, o):
        other = o.c if isinstance(o, Money) else o
        return self.c < other
    def __gt__(self, o):
        other = o.c if isinstance(o, Money) else o
        return self.c > other
    __hash__ = None
print(Money(5) == 5, 5 == Money(5), Money(5) == "5", Money(3) < 4, 4 > Money(3), 2 < Money(3))
print(sorted([Money(3), Money(1)], key=lambda m: m.c)[0].c, max([Money(1), Money(7)]).c)
print(Money(1) in [1, 2], [Money(2)].index(2))
