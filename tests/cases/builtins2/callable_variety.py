print(callable(int), callable(lambda: 0), callable('s'), callable([].append), callable(None))
