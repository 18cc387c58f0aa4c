# __len__ values that do not fit: OverflowError, as CPython
# limits:
# expect: OverflowError
# match: ^OverflowError: cannot fit 'int' into an index-sized integer$
class L:
    def __len__(self): return 10 ** 100
len(L())
