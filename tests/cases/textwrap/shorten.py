import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(tw.shorten("Hello  world!   This is   a test", width=15))
print(tw.shorten("Hello world", width=11))
print(tw.shorten("Hello world, long text", width=12, placeholder=" etc"))
print(tw.shorten(text, 40))
print(repr(tw.shorten("   ", 10)))
