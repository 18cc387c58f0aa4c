x = 5
print('a' if x > 3 else 'b', 'a' if x > 30 else 'b')
print(0 or 'x', 3 and 4, None or [] or 'last', 1 and 0 and 2, not 0, not [1])
print([] or {}, 'a' and '', (x > 1) + (x > 2))
