words = ['banana', 'Apple', 'cherry', 'date', 'fig', 'Elder']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
try:
    sorted([1, 'a'])
except TypeError as e:
    print(e)
