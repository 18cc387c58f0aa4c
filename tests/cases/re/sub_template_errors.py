import re
for t in [r'\2', r'\g<x>', r'\g<1', r'\q', 'a\\', r'\g<>', r'\g', r'\g<1x>']:
    try:
        print(re.sub('(a)', t, 'a'))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
