total = []
def add(x):
    total.append(x)
add(1); add(2)
print(total)
def shadow():
    total = 'local'
    return total
print(shadow(), total)
