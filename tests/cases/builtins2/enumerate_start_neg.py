print(list(enumerate('ab', -1)), list(enumerate([])))
