import re
emails = 'contact: a.b@ex.com, bad@, c_d@sub.dom.org'
print(re.findall(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)+', emails))
print(re.sub(r'(?<=\d)(?=(\d{3})+(?!\d))', ',', 'Total 1234567 and 89'))
print(re.findall(r'#(\w+)', 'Loving #python and #regex!'))
print(re.split(r'[;,]\s*', 'a, b;c ,d'))
print(re.sub(r'([a-z])([A-Z])', r'\1_\2', 'camelCaseString').lower())
print(re.match(r'^\d{3}-\d{2}-\d{4}$', '123-45-6789') is not None)
print(re.findall(r'\b[A-Z][a-z]+\b', 'Alice met Bob in Paris'))
print(re.fullmatch(r'(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}', '192.168.1.255') is not None)
