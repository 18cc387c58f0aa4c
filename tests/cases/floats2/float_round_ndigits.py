print(round(1.005, 2), round(0.125, 2), round(0.375, 2), round(-1.5), round(2.5e-5, 5), round(1e300, -299), round(123.456, 10))
