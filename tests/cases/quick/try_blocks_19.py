# 19 nested try blocks: the innermost handler is too deep for CPython at 20 (its limit counts the except clauses' block)
def f():
    try:
        try:
            try:
                try:
                    try:
                        try:
                            try:
                                try:
                                    try:
                                        try:
                                            try:
                                                try:
                                                    try:
                                                        try:
                                                            try:
                                                                try:
                                                                    try:
                                                                        try:
                                                                            try:
                                                                                raise ValueError('deep')
                                                                            except KeyError as e18:
                                                                                pass
                                                                        except KeyError as e17:
                                                                            pass
                                                                    except KeyError as e16:
                                                                        pass
                                                                except KeyError as e15:
                                                                    pass
                                                            except KeyError as e14:
                                                                pass
                                                        except KeyError as e13:
                                                            pass
                                                    except KeyError as e12:
                                                        pass
                                                except KeyError as e11:
                                                    pass
                                            except KeyError as e10:
                                                pass
                                        except KeyError as e9:
                                            pass
                                    except KeyError as e8:
                                        pass
                                except KeyError as e7:
                                    pass
                            except KeyError as e6:
                                pass
                        except KeyError as e5:
                            pass
                    except KeyError as e4:
                        pass
                except KeyError as e3:
                    pass
            except KeyError as e2:
                pass
        except KeyError as e1:
            pass
    except KeyError as e0:
        pass
try:
    f()
except ValueError as e:
    print('reached', e)
