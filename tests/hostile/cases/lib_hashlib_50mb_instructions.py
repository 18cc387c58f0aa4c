# hashing 50 MB counts one instruction per block: the budget stops it
# limits: --max-instructions=100000
# expect: TimeoutError
# match: instruction limit
import hashlib
data = b'x' * (50 << 20)
h = hashlib.sha512()
h.update(data)
