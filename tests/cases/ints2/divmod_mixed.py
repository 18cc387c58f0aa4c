print(divmod(7, 2.5), divmod(-7, 2.5), divmod(2**70, 3))
