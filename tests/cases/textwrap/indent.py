import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(repr(tw.indent("a\nb\n\nc", "> ")))
print(repr(tw.indent("a\n  \nb", "+", lambda l: True)))
print(repr(tw.indent("x\r\ny\n", "..")))
print(repr(tw.indent("only\n", "# ", lambda line: line.startswith("o"))))
print(repr(tw.indent("", "> ")))
