# limits: 
# expect: RecursionError
def k(x):
    return max([1, 2], key=k)
k(0)
