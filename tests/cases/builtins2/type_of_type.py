print(type(int), type(type), type(len).__name__, type(None).__name__, type(type(1)) is type)
