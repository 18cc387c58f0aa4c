class Key(str): pass
k = Key("name")
d = {"name": 1}
d[Key("other")] = 2
print(d[k], d["other"], list(d), [type(x).__name__ for x in d], k in d, d.get(Key("zz"), 0))
class Obj:
    pass
o = Obj()
setattr(o, Key("attr"), 5)
print(getattr(o, Key("attr")), o.attr, hasattr(o, Key("attr")), vars(o))
print(dict(zip([Key("a"), Key("b")], [1, 2])), {Key("x"): 1} == {"x": 1})
