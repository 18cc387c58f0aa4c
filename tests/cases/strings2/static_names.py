# The empty str, one-character ASCII strs and common names are static
# interned objects (sp_names.h): identity, hashing and dict lookups must
# behave exactly as for heap strs.
s = "abc"
print(s[1:1] is "", s[0] == "abc"[0], "".join([]) == "")
print(hash("a") == hash("".join(["a"])), hash("") == 0)
print(hash("__name__") == hash("__na" + "me__"), hash("<module>") == hash("<mod" + "ule>"))
print(sorted(set("hello world")))
print(list({c: i for i, c in enumerate("zyxwvu")}))
print(set(["__init__", "__name__", "self", "x", "", "append"]))
d = {"__na" + "me__": 1, "se" + "lf": 2, "x": 3}
print(d["__name__"], d["self"], d["x"], "__name__" in d)
g = {}
g["__main__"] = 5
print(g["__ma" + "in__"], __name__, __name__ == "__main__", len(__name__))
class C:
    def __init__(self):
        self.x = 1
    def __repr__(self):
        return "C(%d)" % self.x
c = C()
print(c, C.__name__, C.__qualname__, C.__module__, c.__dict__, sorted(vars(c)))
print((lambda: 0).__name__, [f.__name__ for f in (print, len, sorted)])
print(chr(0) == "\x00", len(chr(0)), repr(chr(127)), "%s|%s" % ("", "z"))
for ch in "a\x00\x7f~":
    print(ord(ch), ch.isalpha(), ch.upper(), hash(ch) == hash(ch * 1))
print(("data" + "")[::-1], "result".upper(), "kwargs".split("a"))
