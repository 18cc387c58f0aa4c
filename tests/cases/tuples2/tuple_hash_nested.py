print(hash((1, 2, (3, 4))) == hash((1, 2, (3, 4))), hash((1, 'a')) == hash((1, 'a')))
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
