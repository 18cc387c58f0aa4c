import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

subjects = ['', 'a', 'aaa', 'aab', 'baaa', 'aaaab', 'xaxaa', 'a\nb', 'abab']
pats = [r'a*', r'a+', r'a*?', r'a+?', r'a{2,3}', r'a{2,3}?', r'(a*)b', r'(a*?)b', r'a*a', r'a*?a', r'(?:a)*b',
        r'(?:[ab])+$', r'.*', r'.*?b', r'(.*)a', r'[^b]*b', r'a*+a', r'(?:a*)*', r'(a*)*b', r'(?=a*b)a', r'(?<=a)a*',
        r'\w{1,2}?\b', r'a{0}', r'(a{0,1}?)+b', r'(?s).*', r'(?i)A*B']
for p in pats:
    print(p, [(s, [m.span() for m in re.finditer(p, s)], re.sub(p, '-', s)) for s in subjects])
