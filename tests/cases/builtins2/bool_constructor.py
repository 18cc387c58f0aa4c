print(bool(), bool([]), bool([0]), bool('False'), bool(0j if False else 0))
