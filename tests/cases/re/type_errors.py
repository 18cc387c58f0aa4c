import re
for f in [lambda: re.match('a', 1), lambda: re.match(1, 'a'), lambda: re.compile(re.compile('a'), re.I),
          lambda: re.compile('a').match(), lambda: re.compile('a').search('a', 'x'),
          lambda: re.match('a', b'a'), lambda: re.findall('a', None)]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
