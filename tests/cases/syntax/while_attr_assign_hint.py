class A: pass
a = A()
while a.done = False:
    pass
