# limits: 
# expect: NameError
# match: ^NameError: name 'compile' is not defined$
compile('1', 'x', 'eval')
