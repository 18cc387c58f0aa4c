class Text(str):
    pass
t = Text("  Hello, World  ")
print(repr(t.strip()), t.lower(), t.split(","), t.title(), t.center(20, "*"), t.find("W"), t.count("l"))
print(t.strip().partition(","), t.encode("utf-8"), t.isspace(), Text("abc").isalpha(), t.zfill(20))
print(Text("a,b").join(["1", "2"]), Text("x").ljust(3, "-"), Text("%d items") % 5, Text("{0}{0}").format("z"))
print(str.upper(Text("q")), Text.upper(Text("r")), Text("abc").startswith(("x", "a")), Text("a b c").split())
print(sorted(Text("cba")), set(Text("aab")) == {"a", "b"}, Text("ab") in ["ab"], Text("ab") == Text("ab"))
print(Text("x").__len__(), Text("abc").__getitem__(1), Text("a").__add__("b"), Text("q").__contains__("q"))
u = Text("héllo")
print(u, len(u), u[1], u.upper(), u.encode(), ascii(u), repr(u))
