# limits: 
# expect: NameError
# match: ^NameError: name 'open' is not defined$
open('/etc/passwd').read()
