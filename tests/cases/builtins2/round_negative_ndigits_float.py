print(round(1234.5678, -2), round(-1234.5, 0), round(0.5, 0), round(1.5, 0))
