print(str(), str(12), str(1.5), str([1, 'a']), str(None), str(True), str(b'ab'), str(b'\xc3\xa9', 'utf-8'))
