class R:
    def __repr__(self): return 5
try:
    repr(R())
except TypeError as e:
    print(e)
class S:
    def __str__(self): return None
try:
    str(S())
except TypeError as e:
    print(e)
try:
    print(S())
except TypeError as e:
    print(e)
class Nested:
    def __init__(self, kids): self.kids = kids
    def __repr__(self): return f"N{self.kids!r}"
print(Nested([Nested([]), Nested([Nested([])])]))
print([Nested([])], {"k": Nested([])}, (Nested([]),))
