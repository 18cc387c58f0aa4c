print(pow(-2, 3, 5), pow(2, 3, -5), pow(5, -1, 3))
