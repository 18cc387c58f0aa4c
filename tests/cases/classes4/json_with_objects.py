import json
class P:
    def __init__(self, x, y): self.x, self.y = x, y
print(json.dumps(P(1, 2), default=lambda o: o.__dict__))
print(json.dumps({"pts": [P(0, 1)]}, default=vars, sort_keys=True))
try:
    json.dumps(P(1, 2))
except TypeError as e:
    print(e)
class D(dict):
    pass
print(json.dumps(D(a=1)), json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
