# limits: 
# expect: NameError
import json
json.loads('{}', object_hook=eval)
