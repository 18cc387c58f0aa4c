import hashlib
print(isinstance(hashlib.algorithms_guaranteed, set), isinstance(hashlib.algorithms_available, set))
print({'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'} <= hashlib.algorithms_guaranteed)
print({'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'} <= hashlib.algorithms_available)
print(hashlib.md5.__name__, hashlib.sha512.__name__, hashlib.new.__name__)
print(repr(hashlib.sha384)[:31])
h = hashlib.md5()
print(type(h).__name__, type(h) is type(hashlib.sha1()), repr(h).startswith('<md5 _hashlib.HASH object @ 0x'))
print(hashlib.sha256() == hashlib.sha256(), isinstance(hash(h), int))
