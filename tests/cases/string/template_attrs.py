from string import Template
t = Template("$x")
print(t.delimiter, t.template, t.braceidpattern, t.idpattern)
t.template = "${x}!"
print(t.substitute(x=1), type(t).__name__, Template.__name__)
try:
    Template()
except TypeError as e:
    print("TypeError", e)
print(Template(template="$y").substitute(y=2))
