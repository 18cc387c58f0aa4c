try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b'a' + 'b'
except TypeError as e:
    print(e)
