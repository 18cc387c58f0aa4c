import re
m = re.match(r'((a)(b(c)))(d)?', 'abc')
print(m.groups(), m.lastindex, m.regs)
m = re.match(r'(?:(a)|b)*', 'ab')
print(m.groups(), m.lastindex)
m = re.match(r'(a|(b))+', 'ab')
print(m.groups(), m.lastindex)
print(re.match(r'(a*)*', 'b').groups(), re.match(r'(a|)*', 'aa').groups())
print(re.match(r'(a)|b', 'b').lastindex)
