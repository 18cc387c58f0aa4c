from string import Template
print(Template("$naïve").safe_substitute(na="X"))
print(Template("$día").safe_substitute({"d": 1}))
try:
    Template("${día}").substitute(día=1)
except ValueError as e:
    print("ValueError", e)
print(Template("€$x€").substitute(x="£"))
