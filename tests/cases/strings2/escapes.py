print('\x41\u00e9\U0001F600\101\0', repr('\a\b\f\v'))
