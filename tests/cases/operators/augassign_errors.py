x = 1
try:
    x += 'a'
except TypeError as e:
    print(e)
x = 'a'
x -= 1
