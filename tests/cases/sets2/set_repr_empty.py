print(set(), frozenset(), repr(set([1])), {frozenset()})
