import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
for width in [5, 10, 15, 20, 33, 50, 200]:
    print(width, tw.wrap(text, width))
