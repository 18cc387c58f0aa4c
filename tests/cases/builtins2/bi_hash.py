# builtin hash over a table of argument values
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

show('hash(0)', lambda: hash(0))
show('hash(-3)', lambda: hash(-3))
show('hash(7)', lambda: hash(7))
show('hash(2**70)', lambda: hash(2**70))
show('hash(True)', lambda: hash(True))
show('hash(0.0)', lambda: hash(0.0))
show('hash(-2.5)', lambda: hash(-2.5))
show('hash(1e300)', lambda: hash(1e300))
show("hash(float('inf'))", lambda: hash(float('inf')))
show("hash('')", lambda: hash(''))
show("hash('abc')", lambda: hash('abc'))
show("hash('12')", lambda: hash('12'))
show("hash(' -4 ')", lambda: hash(' -4 '))
show('hash([])', lambda: hash([]))
show('hash([3, 1, 2])', lambda: hash([3, 1, 2]))
show("hash((1, 'a'))", lambda: hash((1, 'a')))
show("hash({'k': 1})", lambda: hash({'k': 1}))
show('hash({2, 1})', lambda: hash({2, 1}))
show('hash(range(4))', lambda: hash(range(4)))
show("hash(b'az')", lambda: hash(b'az'))
show('hash([[1, 2], [3]])', lambda: hash([[1, 2], [3]]))
show("hash('ß')", lambda: hash('ß'))
