try:
    x = 'a' * (10 ** 12)
except MemoryError:
    print('MemoryError')
print('done')
