import string
from string import Template
name = "world"
t = Template("Hello, $name! {not a format} %s")
print(t.substitute(name=name))
print(t.substitute(name="%d"))
print(Template("${a}%").substitute(a=50) + " done")
print(string.Template("$x").substitute(x=string.digits))
