e = ValueError('a', 2)
print(e, repr(e), e.args, str(ValueError()), repr(KeyError('k')), str(KeyError('k')), str(KeyError()))
print(repr(Exception()), Exception('x') is not None, isinstance(e, Exception))
