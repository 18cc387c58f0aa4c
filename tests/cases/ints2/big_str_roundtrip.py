x = 3**500
print(int(str(x)) == x, len(str(x)), str(-x)[:10])
