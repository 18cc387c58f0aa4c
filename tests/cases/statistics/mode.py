import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.mode([1, 1, 2, 2, 3]))
t(lambda: s.mode("aabbbc"))
t(lambda: s.mode([]))
t(lambda: s.multimode("aabbc"))
t(lambda: s.multimode([]))
t(lambda: s.mode(["red", "blue", "blue", "red", "green"]))
t(lambda: s.multimode([3, 1, 2]))
t(lambda: s.mode([[1]]))
