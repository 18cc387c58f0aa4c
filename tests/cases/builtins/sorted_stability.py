data = [('b', 2), ('a', 2), ('c', 1), ('d', 1), ('e', 3)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
