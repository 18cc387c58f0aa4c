import re
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
def up(m):
    return m.group(1).upper()
print(re.sub(r'_(\w)', up, 'snake_case_name'))
print(re.sub('a', lambda m: None, 'banana'))
print(re.subn(r'\w+', lambda m: m.group()[::-1], 'hello big world'))
try:
    re.sub('a', lambda m: 1, 'a')
except TypeError as e:
    print(e)
