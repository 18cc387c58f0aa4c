inf = float('inf')
print(inf + 1, inf * 0, -inf * -1, inf / inf, 1 / inf, inf // 1, inf % 2, int(1e20))
