# sandpy-expected: CPython backtracks exponentially here; sandpy is linear
import re
print(re.match(r'(a*)*b', 'a' * 5000))
print(re.fullmatch(r'(\w+\s?)*', 'word ' * 3000 + '!'))
print(re.search(r'^(([a-z])+.)+[A-Z]([a-z])+$', 'a' * 3000 + '!'))
print(re.match(r'(.*a){20}', 'a' * 200 + 'b').span())
