print(bool(), bool([]), bool([0]), bool('False'), bool(0 if False else 1))
