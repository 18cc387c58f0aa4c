# creating classes in a loop: collected by the GC, bounded memory
# limits: --max-memory=60000000 --max-duration=10
# expect: ok
for i in range(20000):
    class C:
        x = i
        def m(self): return self.x
    C().m()
print("ok")
