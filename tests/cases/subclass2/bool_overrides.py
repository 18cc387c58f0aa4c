class IB(int):
    def __bool__(self): return True
print(bool(IB(0)), not IB(0), "yes" if IB(0) else "no", [x for x in [IB(0)] if x])
class FB(float):
    def __bool__(self): return False
print(bool(FB(2.0)), any([FB(1.0)]), all([FB(1.0)]))
