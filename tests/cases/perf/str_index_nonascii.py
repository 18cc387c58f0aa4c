# Indexing big non-ASCII strs (sampled byte offsets, sp_stridx.c) must
# give exactly what a walk gives: every position, negative indexes,
# slices with steps, find/index/rfind results and iteration, on strs of
# 1-, 2-, 3- and 4-byte characters around the size threshold (256) and
# well above it; strs made and dropped in a loop evict and collect entries.
ALPHA = "aé€𝄞b\u00ff\u0800\U0010ffffz"


def make(n, seed):
    return "".join(ALPHA[(i * 7 + seed * 3 + i // 5) % len(ALPHA)] for i in range(n))


def digest(s):
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


def check(s):
    n = len(s)
    ref = list(s)
    assert all(s[i] == ref[i] for i in range(n))
    assert all(s[-i] == ref[-i] for i in range(1, n + 1))
    for a, b, st in ((0, n, 1), (1, n - 1, 2), (n - 1, 0, -3), (n // 3, None, 5),
                     (None, None, -1), (63, 65, 1), (64, 200, 7), (-200, -5, 1)):
        assert s[a:b:st] == "".join(ref[a:b:st]), (a, b, st)
    for i in range(0, n, 37):
        assert s[i:i + 70] == "".join(ref[i:i + 70])
    for i in range(0, n - 3, 61):
        sub = s[i:i + 3]
        assert s.find(sub) == "".join(ref).find(sub)
        assert s.find(sub, i) == i
        assert s.index(sub, i) == i
        assert s.rfind(sub, 0, i + 3) == i
        assert s.startswith(sub, i) and s.endswith(sub, 0, i + 3)
    return digest(s), s[n // 2], s[-1], s.rfind("z"), s.find("𝄞", n // 2), s.count("€")


for n in (1, 63, 64, 65, 255, 256, 257, 300, 1000, 4097, 20000):
    for seed in range(2):
        print(n, seed, check(make(n, seed)))

# many big strs alive at once, more than the cache holds, indexed in turns
strs = [make(500 + 100 * k, k) for k in range(9)]
for r in range(3):
    for k, s in enumerate(strs):
        i = (r * 131 + k * 17) % len(s)
        print(r, k, s[i], s[-i - 1], s.find(s[i:i + 4]), s[i::97][:5])

# made and dropped: entries of dead strs go, new strs may reuse addresses
total = 0
for k in range(300):
    s = make(300 + k % 50, k) + "é" * (k % 7)
    total += sum(ord(s[i]) for i in range(0, len(s), 13))
    total += s.index(s[200:203]) + s.rfind(s[-5:])
    if k % 40 == 0:
        tmp = [make(400, j) * 3 for j in range(6)]
        total += sum(ord(t[len(t) // 2]) for t in tmp)
print("total", total)

# mixed ASCII / non-ASCII: an ASCII str is never cached, slices of a big one are new strs
big = ("x" * 1000) + "é" + ("y" * 1000)
print(big[1000], big[999:1002], big.find("é"), big[-1], len(big[::3]))
part = big[500:1500]
print(part[500], part.find("é"), part[::250])
