# limits: --max-duration=0.5
# expect: TimeoutError
import hashlib
h = hashlib.md5()
chunk = b'y' * (1 << 20)
while True:
    h.update(chunk)
