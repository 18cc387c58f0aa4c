class Color:
    RED = 1
    GREEN = 2
    BLUE = 3
    @classmethod
    def name_of(cls, v):
        for k, val in vars(cls).items():
            if val == v and k.isupper():
                return k
        raise ValueError(v)
print(Color.RED, Color.name_of(2), [k for k in vars(Color) if k.isupper()])
try:
    Color.name_of(9)
except ValueError as e:
    print("ValueError", e)
