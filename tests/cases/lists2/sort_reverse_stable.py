a = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')]
a.sort(key=lambda t: t[0], reverse=True)
print(a)
