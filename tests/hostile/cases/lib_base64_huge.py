# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError
import base64
b = b'x' * (40 << 20)
base64.b64encode(b)
