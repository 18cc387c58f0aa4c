# module mutation is per interpreter (checked again by the library test)
# limits: 
# expect: ok
# stdout: ^None\n$
import json
json.dumps = None
print(json.dumps)
