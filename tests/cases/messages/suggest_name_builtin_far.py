data = [1, 2]
print(lenght(data))
