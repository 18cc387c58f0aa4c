print(hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(2**100), hash(-(2**100)))
print(hash(True), hash(0))
