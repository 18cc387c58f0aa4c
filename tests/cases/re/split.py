import re
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(,)|;', 'a,b;c'))
print(re.split(r'x*', 'axbc'), re.split(r'\b', 'ab cd'))
print(re.split(r'\s+', ' a b  c ', maxsplit=2))
