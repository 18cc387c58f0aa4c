import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
for bad in [lambda: tw.wrap("abc", 0), lambda: tw.wrap("abc def", 5, max_lines=1, placeholder=" [.......]"),
            lambda: tw.shorten("abc", 2), lambda: tw.wrap("abc", -3)]:
    try:
        print(bad())
    except ValueError as e:
        print("ValueError", e)
