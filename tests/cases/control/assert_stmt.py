assert 1 == 1
try:
    assert 1 == 2, 'math broke'
except AssertionError as e:
    print('caught', e)
assert False
