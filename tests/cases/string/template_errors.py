import string
from string import Template
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: Template("$who likes $what").substitute(who="tim"), 'Template("$who likes $what").substitute(who="tim")')
_t(lambda: Template("$who likes $what").safe_substitute(who="tim"), 'Template("$who likes $what").safe_substitute(who="tim")')
_t(lambda: Template("Give $who $100").substitute(who="tim"), 'Template("Give $who $100").substitute(who="tim")')
_t(lambda: Template("Give $who $100").safe_substitute(who="tim"), 'Template("Give $who $100").safe_substitute(who="tim")')
_t(lambda: Template("abc\ndef $").substitute(), 'Template("abc\\ndef $").substitute()')
_t(lambda: Template("x\r\ny\n ${bad").substitute(), 'Template("x\\r\\ny\\n ${bad").substitute()')
_t(lambda: Template("é $ ").substitute(), 'Template("é $ ").substitute()')
