print({x * 7 % 11 for x in range(20)}, sorted({'b', 'a'}))
