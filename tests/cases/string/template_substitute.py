import string
from string import Template
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: Template("$who likes $what").substitute(who="tim", what="kung pao"), 'Template("$who likes $what").substitute(who="tim", what="kung pao")')
_t(lambda: Template("$who likes $what").substitute({"who": "tim", "what": 5}), 'Template("$who likes $what").substitute({"who": "tim", "what": 5})')
_t(lambda: Template("$who likes $what").substitute({"who": "tim"}, what="x"), 'Template("$who likes $what").substitute({"who": "tim"}, what="x")')
_t(lambda: Template("$who likes $what").substitute({"who": "tim", "what": "y"}, what="x"), 'Template("$who likes $what").substitute({"who": "tim", "what": "y"}, what="x")')
_t(lambda: Template("${noun}ification $$5").substitute(noun="verb"), 'Template("${noun}ification $$5").substitute(noun="verb")')
