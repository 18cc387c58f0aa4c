data = {"a": 1}
f = lambda: 0
print(f"{data['a']=}")
print(f"{data = }")
if data == {} or (n := len(data)) == 1:
    print(n)
