print(list((a, b) for a in range(3) for b in range(a) if a + b > 1))
