print('abc'[True], 'abc'[-3])
try:
    'abc'[1.0]
except TypeError as e:
    print(e)
