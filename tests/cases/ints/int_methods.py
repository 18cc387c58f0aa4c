print((255).bit_length(), (-1).bit_length(), (0).bit_length(), (2**100).bit_length())
print((255).bit_count(), (-7).bit_count())
print((1024).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'little'), (-1).to_bytes(2, 'big', signed=True))
print((10).as_integer_ratio(), (5).real, (5).imag, (5).numerator, (5).denominator)
