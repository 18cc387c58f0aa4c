x = 5
x += 3; x -= 1; x *= 2; x //= 3; x **= 2; x %= 7; x <<= 4; x >>= 1; x |= 1; x &= 0xff; x ^= 3
print(x)
l = [1]
l2 = l
l += [2]
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {'a': [1]}
d['a'] += [2]
d['b'] = d.get('b', 0) + 1
print(d)
s = 'a'
s *= 3
print(s)
