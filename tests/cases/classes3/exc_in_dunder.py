class Boom:
    def __eq__(self, o): raise RuntimeError("eq boom")
    def __hash__(self): return 1
    def __repr__(self): raise ValueError("repr boom")
    def __len__(self): raise KeyError("len boom")
d = {}
try:
    d[Boom()] = 1
    d[Boom()] = 2
except RuntimeError as e:
    print(e)
for f in [repr, len, str, lambda x: [x] == [Boom()], lambda x: x in [Boom()]]:
    try:
        print(f(Boom()))
    except Exception as e:
        print(type(e).__name__, e)
