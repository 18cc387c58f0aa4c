from string import Template
row = Template("| ${k:<} | $v |")
rows = [row.safe_substitute(k=k, v=v) for k, v in [("a", 1), ("bb", 22)]]
print("\n".join(rows))
t = Template("$a$b$c")
print([t.safe_substitute({"a": i, "c": -i}) for i in range(3)])
print(Template("$x_y$x").substitute(x_y="A", x="B"), Template("${x}_y").substitute(x="C"))
print(Template("100$$ and $a1b").substitute(a1b="ok"))
