# sandpy-expected: CPython backtracks exponentially here; sandpy is linear
import re
print(re.match(r'(a+)+$', 'a' * 50 + 'b'))
print(re.search(r'(x+x+)+y', 'x' * 5000))
print(re.search(r'(a|aa)+$', 'a' * 3000 + 'b'))
