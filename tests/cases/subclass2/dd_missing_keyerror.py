from collections import defaultdict
class D(defaultdict):
    pass
d = D()
try:
    d['k']
except KeyError as e:
    print("KeyError", e)
print(d.get('k'), 'k' in d)
