print(5 and 0, 0 or 7, not 5, 5 == 5.0, 5 is 5)
