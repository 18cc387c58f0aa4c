parts = []
for i in range(1000):
    parts.append(str(i))
s = ','.join(parts)
print(len(s), s[:20], s[-20:], s.count(','), hash(s) == hash(','.join(parts)))
acc = ''
for i in range(200):
    acc += chr(97 + i % 26)
print(acc[:30], len(acc))
