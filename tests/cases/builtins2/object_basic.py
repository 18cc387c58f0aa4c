o = object()
print(type(o).__name__, o == o, o != object(), repr(o).startswith('<object object at 0x'))
