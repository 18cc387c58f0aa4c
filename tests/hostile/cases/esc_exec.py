# limits: 
# expect: NameError
# match: ^NameError: name 'exec' is not defined$
exec('import os')
