print(round(15, -1), round(25, -1), round(-15, -1), round(5, -1), round(150, -2), round(250, -2))
