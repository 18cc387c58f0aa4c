import re
print(re.fullmatch(r'a|ab', 'ab'))
print(re.fullmatch(r'\d+', '123x'), re.fullmatch(r'\d+', '123'))
print(re.compile(r'o[gh]').fullmatch('dog', 1), re.compile(r'o[gh]').fullmatch('ogre', 0, 2))
print(re.fullmatch(r'(a*?)(a*)', 'aaa').groups())
