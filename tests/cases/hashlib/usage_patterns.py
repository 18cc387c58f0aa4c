# what agent code typically does with hashlib
import hashlib, json
record = {'id': 17, 'name': 'widget', 'tags': ['a', 'b']}
key = hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
print(key[:16])
print(hashlib.md5('héllo wörld'.encode('utf-8')).hexdigest())
buckets = [int(hashlib.sha1(f'user{i}'.encode()).hexdigest(), 16) % 10 for i in range(20)]
print(buckets)
seen = {}
for word in 'the cat and the dog and the bird'.split():
    seen.setdefault(hashlib.md5(word.encode()).hexdigest()[:8], word)
print(sorted(seen.items()))
print(hashlib.sha512(b'x').digest_size * 8, hashlib.sha384(b'x').block_size)
