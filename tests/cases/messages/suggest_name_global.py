threshold = 10
def check(x):
    return x > treshold
print(check(5))
