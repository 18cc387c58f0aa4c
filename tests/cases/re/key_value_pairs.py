import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = 'user=alice id=42 role="site admin" empty= path=/a/b?c=d flag quoted=\'x y\''
print(re.findall(r'(\w+)=("[^"]*"|\'[^\']*\'|\S*)', s))
print({k: v.strip('"\'') for k, v in re.findall(r'(\w+)=("[^"]*"|\'[^\']*\'|\S*)', s)})
cfg = """
# comment
host = example.com
port=8080
  timeout =  30s   
bad line
name = "my app" ; trailing
"""
for m in re.finditer(r'^\s*(?P<k>[A-Za-z_]\w*)\s*=\s*(?P<v>.*?)\s*(?:;.*)?$', cfg, re.M):
    print(repr(m['k']), repr(m['v']))
print(re.sub(r'(\w+)=(\w+)', lambda m: f'{m[1].upper()}:{int(m[2]) * 2 if m[2].isdigit() else m[2]}', 'a=1 b=x c=30'))
print(dict(kv.split('=', 1) for kv in re.split(r'[&;]', 'a=1&b=2;c=x=y')))
