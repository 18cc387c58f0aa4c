print(repr('ab' * -2), repr('ab' * 0), 'ab' * True)
