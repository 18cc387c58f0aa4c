# limits: 
# expect: ModuleNotFoundError
# match: ^ModuleNotFoundError: No module named 'os'$
import os
os.system('id')
