import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(repr(tw.dedent("    a\n      b\n    c\n")))
print(repr(tw.dedent("  x\n\t y\n")))
print(repr(tw.dedent("   \n  a\n   \n  b")))
print(repr(tw.dedent("no indent\n  some\n")))
print(repr(tw.dedent("\t\tone\n\t\ttwo\n\t\t  three")))
print(repr(tw.dedent("")))
def f():
    """
    Docstring line one.
      indented more
    """
print(repr(tw.dedent(f.__doc__)))
