from functools import cmp_to_key
def by_len_then_rev(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)
words = ["pear", "fig", "apple", "kiwi", "date", "plum", "banana"]
print(sorted(words, key=cmp_to_key(by_len_then_rev)))
print(max(words, key=cmp_to_key(by_len_then_rev)), min(words, key=cmp_to_key(by_len_then_rev)))
K = cmp_to_key(lambda a, b: a - b)
print(K(1) == K(1), K(1) != K(2), K(3) >= K(2), K(1) <= K(0))
try:
    K(1) < 5
except TypeError as e:
    print("TypeError", e)
try:
    {K(1)}
except TypeError as e:
    print("TypeError", e)
pts = [(1, 2), (0, 5), (1, -1)]
pts.sort(key=cmp_to_key(lambda p, q: (p[0] - q[0]) or (q[1] - p[1])))
print(pts)
