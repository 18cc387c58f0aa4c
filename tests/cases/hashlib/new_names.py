import hashlib
for n in ['md5', 'MD5', 'Sha1', 'SHA256', 'sha-256', 'SHA-224', 'sha-384', 'sha-512', 'SHA2-224', 'sha2-384',
          'SHA2-512', 'ssl3-md5', 'ssl3-sha1', 'sha-1', '1.2.840.113549.2.5', '1.3.14.3.2.26',
          '2.16.840.1.101.3.4.2.1', '2.16.840.1.101.3.4.2.2', '2.16.840.1.101.3.4.2.3', '2.16.840.1.101.3.4.2.4']:
    h = hashlib.new(n, b'data')
    print(n, h.name, h.hexdigest()[:16])
for n in ['foo', '', 'md5 ', 'sha_256', 'md-5', 'sha2-1', 'RSA-SHA256']:
    try:
        hashlib.new(n)
    except ValueError as e:
        print(type(e).__name__, e)
