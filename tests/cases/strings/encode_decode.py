print('héllo'.encode(), 'abc'.encode('ascii'), b'h\xc3\xa9llo'.decode(), 'é'.encode('latin-1'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print(e)
print('é'.encode('ascii', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'))
