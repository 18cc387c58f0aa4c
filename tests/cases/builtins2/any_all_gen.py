print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), any([]), all(''))
