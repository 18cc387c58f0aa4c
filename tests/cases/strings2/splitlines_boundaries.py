print('a\x0bb\x0cc\x1cd\x85e\u2028f'.splitlines())
