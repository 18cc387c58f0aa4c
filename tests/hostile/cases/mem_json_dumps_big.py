# limits: --max-memory=67108864
# expect: MemoryError
import json
s = json.dumps([list(range(1000))] * 10**5)
