import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
paras = text.split(". ")
for p in paras:
    print(tw.fill(p, 18, initial_indent="  * ", subsequent_indent="    "))
    print("--")
