import re
raw = "{'name': 'x', 'vals': [1, 2, 3,], 'ok': True, 'none': None,}"
s = re.sub(r"'", '"', raw)
s = re.sub(r',\s*([\]}])', r'\1', s)
s = re.sub(r'\bTrue\b', 'true', s)
s = re.sub(r'\bNone\b', 'null', s)
print(s)
text = 'Result: ```json\n{"a": 1}\n``` done'
m = re.search(r'```(?:json)?\s*(.*?)\s*```', text, re.S)
print(m.group(1))
print(re.sub(r'//.*$', '', 'x = 1 // comment\ny = 2', flags=re.M))
print(re.sub(r'\s+', ' ', '  many   spaces\n\there ').strip())
