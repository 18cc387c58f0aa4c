s = {1, 2}
s |= {3}
s &= {1, 3, 4}
s -= {1}
s ^= {5}
print(s)
s.update('ab')
print(len(s))
