print('hello World'.upper(), 'Hello'.lower(), 'hello world'.title(), 'hELLO'.capitalize(), 'Hello'.swapcase())
print('Straße'.upper(), 'ǅ'.lower(), 'İ'.lower(), 'ß'.casefold(), "they're bill's".title())
