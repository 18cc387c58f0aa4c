import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
msg = "Error: the configuration file at /etc/app/config.yaml could not be parsed because of an unexpected token on line 42."
print(tw.fill(msg, 50))
print(tw.indent(tw.fill(msg, 40), "| "))
print(tw.shorten(msg, 60))
print(tw.dedent("""\
    def f():
        return 1
""")
