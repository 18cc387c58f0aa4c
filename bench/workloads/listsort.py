# List comprehensions and sorting with key functions.
N = 56000  # quick: 5600


def make(n):
    seed = 42
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(seed % 100000)
    return out


data = make(N)
squares = [x * x % 9973 for x in data if x % 3]
pairs = [(x % 97, -x, i) for i, x in enumerate(data)]
pairs.sort()
by_key = sorted(data, key=lambda v: (v % 1000, -v))
rev = sorted(squares, reverse=True)
words = [str(x) for x in data[: N // 2]]
words.sort(key=len)
words2 = sorted(words, key=lambda w: w[::-1])
nested = [[y for y in range(x % 7)] for x in data[: N // 4]]
flat = [y for row in nested for y in row]
print(len(squares), pairs[0], pairs[-1], by_key[:3], rev[:3])
print(words[:3], words2[:3], len(flat), sum(flat))
print(sum(p[0] for p in pairs[::1000]), max(by_key, key=lambda v: v % 977))
