# Fast paths of str building and searching (issue 7): cached empty and
# one-character strs (identity is CPython's business: not printed), ASCII pieces, short-haystack search, inline equality,
# hashing of every tail length, case mapping at the letter boundaries.
s = "alpha,beta,,gamma"
parts = s.split(",")
print(parts, [len(p) for p in parts], parts[2] == "", "abc"[1] == "b", chr(97) == "a")
print("x,y".split(",")[0], "a:b".partition(":"), "".join([]) == "", [c for c in "héllo"])
u = "größe,ß,€uro,"
print(u.split(","), [len(p) for p in u.split(",")], u.partition("ß"), u.rpartition(","))
print(" ä ".strip(), len(" ä ".strip()), "--x--".strip("-"), "é".lstrip(), "a"[0:1] == "a")
for hay in ["abcabcabd", "aaaaaaaaab", "x" * 63 + "yz", "x" * 64 + "yz", "x" * 65 + "yz",
            "ab", "", "€€€a€€", "abababab"]:
    for needle in ["ab", "abd", "aab", "yz", "xy", "b", "€a", "€€", "abab", "zz", ""]:
        print(repr(hay[:8]), needle, hay.find(needle), hay.rfind(needle), hay.count(needle),
              needle in hay, hay.partition(needle)[0][-3:] if needle else "",
              hay.rpartition(needle)[2][:3] if needle else "")
print("abcabc".find("bc", 2), "abcabc".rfind("bc", 0, 4), "abcabc".index("ca", 1, 5))
try:
    "abc".index("cd")
except ValueError as e:
    print("ValueError", e)
print("hello world".replace("o", "0"), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
words = ["", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi",
         "abcdefghijklmnop", "abcdefghijklmnopq", "x" * 31, "x" * 32, "x" * 33, "é", "éé"]
print([hash(w) for w in words])
print(list({w: 1 for w in words}), set(words) == set(reversed(words)))
built = ["".join(["ab", "c" * k]) for k in range(20)]
d = {w: i for i, w in enumerate(built)}
print([d["ab" + "c" * k] for k in range(20)], d.get("ab" + "c" * 20), "abc" in d)
edge = "@AZ[`az{09 _~\x7f"
for f in (str.upper, str.lower, str.casefold, str.swapcase, str.title, str.capitalize):
    print(f.__name__, repr(f(edge)), f("ÀéİßΣ abc"))
print(b"@AZ[`az{\xc1\xe1".upper(), b"@AZ[`az{\xc1\xe1".lower())
