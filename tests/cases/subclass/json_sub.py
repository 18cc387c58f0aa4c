import json
class I(int):
    def __repr__(self):
        return "I!"
class F(float):
    def __repr__(self):
        return "F!"
class S(str):
    def __str__(self):
        return "S!"
class L(list): pass
class D(dict): pass
class T(tuple): pass
data = D(a=I(1), b=F(2.5), c=S("txt"), d=L([I(3), T((4, 5))]))
print(json.dumps(data))
print(json.dumps(data, sort_keys=True, indent=1))
print(json.dumps({S("k"): 1, I(2): 2}), json.dumps([S("é")]), json.dumps(S("q")), json.dumps(I(7)))
print(json.loads(json.dumps(L([1, 2]))), json.dumps(F(1e300) * 10))
class Bad(str):
    pass
print(json.dumps([Bad("x")], ensure_ascii=False))
