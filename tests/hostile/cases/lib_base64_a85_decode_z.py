# 'z' expands 1 byte to 4: the output buffer is what hits the limit
# limits: --max-memory=67108864
# expect: MemoryError
import base64
base64.a85decode(b'z' * (30 << 20))
