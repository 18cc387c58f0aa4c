print(hex(-(2**65)), oct(2**40), bin(2**10 - 1))
