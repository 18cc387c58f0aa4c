print(max(['apple', 'Banana', 'cherry']), min('zebra', 'Apple', 'mango'), max('a', 'b', key=str.upper))
