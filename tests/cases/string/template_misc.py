import string
from string import Template
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: Template("${a}${b}$c").safe_substitute(b=2), 'Template("${a}${b}$c").safe_substitute(b=2)')
_t(lambda: Template("$a_1$B2 ${_x}").substitute(a_1=1, B2=2, _x=3), 'Template("$a_1$B2 ${_x}").substitute(a_1=1, B2=2, _x=3)')
_t(lambda: Template("$é").safe_substitute(), 'Template("$é").safe_substitute()')
_t(lambda: Template("trailing $").safe_substitute(), 'Template("trailing $").safe_substitute()')
_t(lambda: Template("$x").substitute([1]), 'Template("$x").substitute([1])')
_t(lambda: Template("$x $y $x ${z} $$w $").get_identifiers(), 'Template("$x $y $x ${z} $$w $").get_identifiers()')
_t(lambda: Template("$x").is_valid(), 'Template("$x").is_valid()')
_t(lambda: Template("$x $").is_valid(), 'Template("$x $").is_valid()')
_t(lambda: Template("$x").template, 'Template("$x").template')
_t(lambda: Template("a").delimiter, 'Template("a").delimiter')
_t(lambda: Template(), 'Template()')
_t(lambda: Template(5).substitute(), 'Template(5).substitute()')
_t(lambda: Template("$x").substitute({}, {}), 'Template("$x").substitute({}, {})')
_t(lambda: Template("$x").substitute(x=[1, 2]), 'Template("$x").substitute(x=[1, 2])')
_t(lambda: Template("$x").substitute({"x": None}), 'Template("$x").substitute({"x": None})')
