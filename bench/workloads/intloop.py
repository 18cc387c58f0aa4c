# A tight integer loop: small-int arithmetic, comparisons, local variables.
N = 850000  # quick: 85000


def run(n):
    acc = 0
    x = 12345
    i = 0
    while i < n:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        if x % 3 == 0:
            acc += x >> 7
        elif x & 1:
            acc -= i
        else:
            acc ^= x
        i += 1
    return acc


print(run(N))
