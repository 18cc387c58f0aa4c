def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print('div0')
        return 'err'
    else:
        print('ok', r)
        return 'fine'
    finally:
        print('finally')
print(f(2), f(0))
