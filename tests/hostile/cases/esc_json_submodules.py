# no path to interpreter internals or host capabilities
# limits: 
# expect: AttributeError|TypeError|NameError
import json
json.decoder.scanstring
print('ESCAPED')
