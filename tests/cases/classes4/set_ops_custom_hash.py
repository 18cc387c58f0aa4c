class Tag:
    def __init__(self, name): self.name = name
    def __eq__(self, o): return isinstance(o, Tag) and self.name.lower() == o.name.lower()
    def __hash__(self): return hash(self.name.lower())
    def __repr__(self): return f"#{self.name}"
a = {Tag("Py"), Tag("C")}
b = {Tag("py"), Tag("Go")}
print(sorted(a | b, key=repr), sorted(a & b, key=repr), sorted(a - b, key=repr), Tag("C") in a)
d = {}
for t in [Tag("X"), Tag("x"), Tag("Y")]:
    d[t] = d.get(t, 0) + 1
print(sorted(d.items(), key=lambda kv: kv[0].name))
