# limits: --max-duration=0.05
# expect: TimeoutError|MemoryError
import base64
data = b'\xab' * (64 << 20)
base64.b85encode(data)
