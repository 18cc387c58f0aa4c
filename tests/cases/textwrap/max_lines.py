import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(tw.wrap(text, 30, max_lines=2))
print(tw.wrap(text, 30, max_lines=1, placeholder="..."))
print(tw.wrap(text, 12, max_lines=3, placeholder=" (more)"))
print(tw.wrap("one two", 10, max_lines=1))
print(tw.fill(text, 20, max_lines=2, subsequent_indent="  "))
