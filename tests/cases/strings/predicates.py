for s in ['abc', 'ABC', 'Abc', '123', '12a', ' ', '', 'Hello World', '½', 'x_1', '1x', '²']:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isupper(), s.islower(), s.istitle(), s.isspace(), s.isdecimal(), s.isnumeric(), s.isidentifier())
