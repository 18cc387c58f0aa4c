print(hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(1.5), hash(float('inf')))
