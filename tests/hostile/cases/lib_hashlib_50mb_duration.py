# one hashlib call over 100 MB: the block loop polls the clock
# limits: --max-duration=0.1
# expect: TimeoutError
import hashlib
data = b'\x00' * (100 << 20)
hashlib.sha256(data)
