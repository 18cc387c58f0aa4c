# limits: --max-duration=5
# expect: ok
import textwrap
s = "word " * 20000
print(len(textwrap.fill(s, 10**18)), len(textwrap.wrap(s, 7)))
print(textwrap.shorten(s, 10**15)[:9])
