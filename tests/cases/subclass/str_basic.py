class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hello")
print(s, repr(s), type(s).__name__, isinstance(s, str), s.shout(), len(s), s[0], s[1:3], s[::-1])
print(s + " world", type(s + "x").__name__, "<" + s, s * 2, 2 * s, "ell" in s, s in "xhellox")
print(s.upper(), type(s.upper()).__name__, s.split("l"), s.replace("l", "L"), s.startswith("he"))
print(s == "hello", "hello" == s, s < "z", hash(s) == hash("hello"), sorted([MyStr("b"), "a", MyStr("c")]))
print(str(s), type(str(s)).__name__, f"[{s}]", f"{s!r}", f"{s:>8}", "%s|%r" % (s, s), "{}".format(s))
print(list(s), [c for c in s], "-".join(s), "-".join([MyStr("a"), MyStr("b")]), s.strip(), type(s.strip()).__name__)
d = {"hello": 1}
print(d[s], s in d, {s: 2}["hello"], s.encode(), MyStr(), MyStr(12), MyStr(b"ab", "ascii"))
print(int(MyStr("12")), float(MyStr("1.5")), s.format(), MyStr("{}-{}").format(1, 2))
