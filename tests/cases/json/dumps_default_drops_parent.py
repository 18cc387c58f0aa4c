# default= drops the list being encoded from its parent and allocates (may collect):
# the encoder must keep the list alive (a use-after-free found by make test-gcstress).
import json
d = {'a': [object(), 1, 2, 'x' * 10]}
def f(o):
    d['a'] = None
    junk = [str(i) * 3 for i in range(2000)]
    return len(junk)
print(json.dumps(d, default=f))

class R:
    def __repr__(self):
        outer['a'] = None
        junk = [str(i) * 3 for i in range(2000)]
        return 'R'
outer = {'a': [R(), [1, 2], 'x' * 10]}
print(repr(outer))
