for v in [[], {}, set()]:
    try:
        hash(v)
    except TypeError as e:
        print(e)
print(hash(frozenset()) == hash(frozenset()), hash(None) == hash(None))
