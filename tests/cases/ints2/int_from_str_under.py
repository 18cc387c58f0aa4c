print(int('1_2_3'), int('0_0'), int('-0'), int('+7'), int(' 0b1_0 ', 0))
try:
    int('1__2')
except ValueError as e:
    print(e)
