# limits: 
# expect: NameError
# match: ^NameError: name '__import__' is not defined$
__import__('os').system('id')
