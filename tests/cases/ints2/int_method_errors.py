try:
    (1).to_bytes(1, 'middle')
except ValueError as e:
    print(e)
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print(e)
