print('www.example.com'.strip('cmowz.'), '<<a>>'.lstrip('<'), 'x\t\n '.rstrip())
