import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

import json
bad = """{
  "name": "demo",
  "tags": ["a", "b", "c",],
  "nested": {"x": 1, "y": [1, 2, 3,],},
  "text": "keep, ] this, }",
}"""
def strip_trailing_commas(s):
    # strings first, so commas inside them survive
    out, pos = [], 0
    for m in re.finditer(r'"(?:\\.|[^"\\])*"', s):
        out.append(re.sub(r',(\s*[}\]])', r'\1', s[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(re.sub(r',(\s*[}\]])', r'\1', s[pos:]))
    return ''.join(out)
fixed = strip_trailing_commas(bad)
print(fixed)
print(json.loads(fixed))
print(re.sub(r',\s*(?=[}\]])', '', '[1, 2, 3, ]  {"a": 1 ,}'))
print(re.sub(r'//[^\n]*|/\*.*?\*/', '', '{"a": 1, // c\n "b": /* x\ny */ 2}', flags=re.S))
print(re.sub(r"'([^']*)'", r'"\1"', "{'a': 'b', 'c': 1}"))
print(re.sub(r'([{,]\s*)([A-Za-z_]\w*)\s*:', r'\1"\2":', '{a: 1, bb_2: [1], c:"x"}'))
