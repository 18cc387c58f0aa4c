# sandpy-expected: CPython backtracks exponentially here; sandpy is linear
import re
print(re.search(r'(?:a|b|ab)*c', 'ab' * 20000))
print(re.match(r'(a|a)*c', 'a' * 100000))
print(re.findall(r'(?:x+)+y', 'x' * 3000 + ' xy'))
