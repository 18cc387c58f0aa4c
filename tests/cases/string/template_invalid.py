from string import Template
cases = ["line one\nline $1 two", "a\n\nb\n c ${", "${}", "$ x", "x $", "ok $a $", "é\r\nü $!", "$$$"]
for c in cases:
    try:
        print(repr(Template(c).substitute(a=1)))
    except ValueError as e:
        print("ValueError", e)
    print(repr(Template(c).safe_substitute(a=1)), Template(c).is_valid())
