def total(values):
    subtotal = 0
    for v in values:
        subtotal += v
    return sub_total

print(total([1, 2]))
