import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(tw.wrap("", 10), tw.wrap("   ", 10), tw.fill("one", 10))
print(tw.wrap("x  y   z", 3, drop_whitespace=False))
print(tw.wrap("\ta\tb", 20, expand_tabs=False), tw.wrap("\ta\tb", 20, tabsize=4))
print(tw.wrap("a\nb\rc\x0bd\x0ce", 20), tw.wrap("a\nb", 20, replace_whitespace=False))
print(tw.wrap("  leading and trailing  ", 10))
print(tw.wrap("  leading and trailing  ", 10, drop_whitespace=False))
