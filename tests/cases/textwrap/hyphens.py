import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(tw.wrap("a-very-long-hyphenated-compound-word-here ok", 12))
print(tw.wrap("a-very-long-hyphenated-compound-word-here ok", 12, break_on_hyphens=False))
print(tw.wrap("Don't -- stop--go e-mail well-being 1-2-3 --x", 6))
print(tw.wrap("---------- abc-def", 5))
print(tw.wrap("state-of-the-art", 9))
