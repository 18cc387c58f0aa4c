# limits: --max-memory=67108864
# expect: MemoryError
import json
x = json.loads('[' + ','.join(['[1,2,3,4,5,6,7,8]'] * 10**6) + ']')
