# limits: --max-memory=67108864
# expect: MemoryError
import base64
base64.a85encode(b'\x01' * (40 << 20))
