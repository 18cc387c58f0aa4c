print(chr(0x10FFFF) == '\U0010ffff', ord('\x00'), [chr(i) for i in range(97, 100)])
