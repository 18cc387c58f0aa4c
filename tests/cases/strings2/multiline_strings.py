s = """line1
  line2
"""
print(repr(s), len(s))
t = ('a'
     'b')
print(t)
