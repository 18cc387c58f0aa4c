import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
w = tw.TextWrapper(width=12, initial_indent="- ")
print(w.wrap("alpha beta gamma delta epsilon"), w.width, w.initial_indent)
w.width = 20
print(w.fill("alpha beta gamma delta epsilon"))
w2 = tw.TextWrapper(30, break_long_words=False, max_lines=2)
print(w2.wrap(text))
print(tw.TextWrapper().width, tw.TextWrapper().placeholder)
