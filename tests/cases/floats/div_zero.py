try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print(e)
print(0.0 ** -1)
