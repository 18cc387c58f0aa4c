# s[i] at every position of a 1 MB non-ASCII str, plus find results and
# computed slices: O(1) amortised each (sp_stridx.c), a walk per index
# would be O(n^2) and time out
# limits: --max-duration=5
# expect: ok
# stdout: ^1048576 208142336 1048575 1000\n$
s = ("aé€𝄞" * (1 << 18))
n = len(s)
h = 0
for i in range(n):
    h = (h * 31 + ord(s[i])) & 0xFFFFFFF
for i in range(0, n, 1024):
    h ^= s.find("𝄞", i) + len(s[i:i + 8])
print(n, h, s.rfind("𝄞"), s.count("𝄞", n - 4000))
