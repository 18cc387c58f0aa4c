print(bin(10), oct(64), hex(255), bin(-10), hex(-255), hex(2**70))
print(format(255, 'x'), format(255, '#o'), format(-5, 'b'))
