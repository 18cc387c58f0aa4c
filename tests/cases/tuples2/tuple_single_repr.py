print((1,), ((),), tuple(), (None,) * 3, tuple('ab') + ('c',))
