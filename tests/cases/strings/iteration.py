for ch in 'aé😀':
    print(ch, ord(ch))
print(list('abc'), tuple('xy'), set('aa'), sorted('cba'))
