class C:
    items = []
    for i in range(3):
        items.append(i * i)
    if len(items) > 2:
        big = True
    else:
        big = False
    try:
        bad = 1 / 0
    except ZeroDivisionError:
        bad = None
    del i
print(C.items, C.big, C.bad, hasattr(C, 'i'))
