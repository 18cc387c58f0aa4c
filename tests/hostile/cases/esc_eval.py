# limits: 
# expect: NameError
# match: ^NameError: name 'eval' is not defined$
eval('1 + 1')
