import re
print(re.sub(r'(?P<first>\w+) (?P<last>\w+)', r'\g<last>, \g<first>', 'John Smith'))
print(re.sub(r'(\d)', r'<\g<1>\g<0>>', 'a1b2'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(r'(x)', r'\n\t\\', 'x'))
print(repr(re.sub('a', r'\-', 'a')), repr(re.sub('a', r'\0', 'a')), repr(re.sub('a', r'\101', 'a')))
print(re.sub(r'(\w)(\w)', r'\2\1', 'abcdef'))
