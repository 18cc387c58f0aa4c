# each level re-enters the VM from C (map): the C stack guard must stop it, whatever the Python limit
# limits: --max-recursion=100000000
# expect: RecursionError
def f(x):
    return list(map(f, [x]))
f(0)
