import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(tw.wrap("supercalifragilisticexpialidocious word", 10))
print(tw.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(tw.wrap("aaaaaaaaaaaaaaaaaaaaaaaaa", 7))
print(tw.wrap("x " + "y" * 30, 8, initial_indent="--", subsequent_indent="."))
