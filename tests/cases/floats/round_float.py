print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1.2345, 3), round(123.456, -1))
print(round(0.5), round(1.5), type(round(2.5)), type(round(2.5, 1)))
try:
    round(float('inf'))
except OverflowError as e:
    print(e)
try:
    round(float('nan'))
except ValueError as e:
    print(e)
