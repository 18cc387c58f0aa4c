import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(tw.fill(text, 25, initial_indent="* ", subsequent_indent="  "))
print(tw.fill(text, width=40, initial_indent="    "))
print(tw.fill("short", 10, initial_indent=">>>> "))
