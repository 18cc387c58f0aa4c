print(round(5), round(15, -1), round(25, -1), round(-35, -1), round(12345, -2), round(7, 2))
