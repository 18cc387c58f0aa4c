# raise and assert, caught by the caller.
def check(x, limit=10):
    assert isinstance(x, int), f'not an int: {x!r}'
    assert x < limit
    if x < 0:
        raise ValueError('negative', x)
    return x * 2

def safe(x):
    return [check(v) for v in [x]]

results = []
for v in (3, -1, 'a', 20):
    results.append(repr(v))
print(results, check(4))
assert True, 'never shown'
print(check(9, limit=10))
raise KeyError('done') from None
