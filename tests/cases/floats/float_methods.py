print((2.5).is_integer(), (3.0).is_integer(), (0.75).as_integer_ratio(), (1.5).hex())
print(float.fromhex('0x1.8p1'), (2.0).conjugate())
