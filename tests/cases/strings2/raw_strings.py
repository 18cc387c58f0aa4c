print(r'\n\t', len(r'\n'), rb'\x00', r'a\'b')
