for spec in ['d', 'x']:
    try:
        print(format(1.5, spec))
    except ValueError as e:
        print(e)
try:
    format('s', 'd')
except ValueError as e:
    print(e)
try:
    format('s', '+')
except ValueError as e:
    print(e)
