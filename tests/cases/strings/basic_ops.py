s = 'hello'
print(s + ' world', s * 3, len(s), s[1], s[-1], s[1:3], s[::-1], s[::2])
print('ell' in s, 'z' not in s, s == 'hello', s < 'help', 'a' * 0)
