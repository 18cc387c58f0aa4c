import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
words = " ".join("w%d" % i for i in range(200))
lines = tw.wrap(words, 37)
print(len(lines), lines[0], lines[-1])
print(max(len(x) for x in lines))
