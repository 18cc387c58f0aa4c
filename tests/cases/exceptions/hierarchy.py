for exc in [KeyError, IndexError, ZeroDivisionError, OverflowError, RecursionError, ModuleNotFoundError, UnboundLocalError, TimeoutError, StopIteration, KeyboardInterrupt, NotImplementedError]:
    print(exc.__name__, [b.__name__ for b in [BaseException, Exception, LookupError, ArithmeticError, RuntimeError, ImportError, NameError, OSError] if issubclass(exc, b)])
