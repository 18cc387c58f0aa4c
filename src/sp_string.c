/* sp_string.c - the string module: the character-class constants,
 * capwords and Template ($-substitution, scanned directly rather than
 * through re, with the same placeholders, results and errors). */
#include "sp_cont.h"

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"
#define PUNCT "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
#define WHITE " \t\n\r\x0b\x0c"

static sp_Value call_method(sp_VM *vm, sp_Value obj, const char *name, sp_Value *args, int n) {
    sp_Value m = sp_getattrs(vm, obj, name);
    if (sp_iserr(m) || !sp_pin(vm, m)) return SP_ERRV;
    sp_Value r = sp_call(vm, m, args, n, NULL);
    sp_unpin(vm, 1);
    return r;
}

/* ------------------------------------------------------------ capwords */

static sp_Value f_capwords(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "capwords", args, nargs, kw, "s|sep", o)) return SP_ERRV;
    bool nosep = sp_isnull(o[1]) || sp_isnone(o[1]);
    sp_Value parts = call_method(vm, o[0], "split", &o[1], nosep ? 0 : 1);
    if (sp_iserr(parts) || !sp_pin(vm, parts)) return SP_ERRV;
    sp_Value r = SP_ERRV;
    if (!sp_islist(parts)) parts = sp_list_from_iter(vm, parts);
    for (size_t i = 0; !sp_iserr(parts) && i < SP_LIST(parts)->n; i++) {
        sp_Value c = call_method(vm, SP_LIST(parts)->items[i], "capitalize", NULL, 0);
        if (sp_iserr(c)) goto out;
        SP_LIST(parts)->items[i] = c;
    }
    sp_Value sep = nosep ? sp_str_cstr(vm, " ") : o[1];
    if (!sp_iserr(sep) && !sp_iserr(parts)) r = call_method(vm, sep, "join", &parts, 1);
out:
    sp_unpin(vm, 1);
    return r;
}

/* ------------------------------------------------------------ Template */

typedef struct Template {
    sp_Obj h;
    sp_Value template;
    sp_Dict *dict;
} Template;

static sp_Type t_template;
#define TPL(v) ((Template *)SP_O(v))

static void template_traverse(sp_VM *vm, sp_Obj *o) {
    sp_gc_markv(vm, ((Template *)o)->template);
    if (((Template *)o)->dict) sp_gc_marko(vm, (sp_Obj *)((Template *)o)->dict);
}

static sp_Value template_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    if (nargs == 0 && (!kw || kw->n == 0))
        return sp_raise(vm, &sp_t_TypeError, "Template.__init__() missing 1 required positional argument: 'template'");
    if (!sp_parse_args(vm, "Template", args, nargs, kw, "template", o)) return SP_ERRV;
    Template *tp = sp_newobj(vm, t, sizeof *tp);
    if (!tp) return SP_ERRV;
    tp->template = o[0];
    return sp_objv(tp);
}

/* One placeholder: kind and the identifier's byte span. */
enum { PH_ESCAPED, PH_NAMED, PH_INVALID };
typedef struct Ph {
    int kind;
    size_t start, end;     /* the whole match: '$' .. */
    size_t id, idlen;      /* identifier (named or braced) */
} Ph;

static bool id_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool id_char(char c) { return id_start(c) || (c >= '0' && c <= '9'); }

/* The placeholder at s[i] == '$' (escaped, named, braced, else invalid). */
static Ph scan_ph(const char *s, size_t n, size_t i) {
    Ph p = {PH_INVALID, i, i + 1, 0, 0};
    size_t j = i + 1;
    if (j < n && s[j] == '$') return p.kind = PH_ESCAPED, p.end = j + 1, p;
    if (j < n && id_start(s[j])) {
        size_t k = j;
        while (k < n && id_char(s[k])) k++;
        return p.kind = PH_NAMED, p.end = k, p.id = j, p.idlen = k - j, p;
    }
    if (j < n && s[j] == '{' && j + 1 < n && id_start(s[j + 1])) {
        size_t k = j + 1;
        while (k < n && id_char(s[k])) k++;
        if (k < n && s[k] == '}') return p.kind = PH_NAMED, p.end = k + 1, p.id = j + 1, p.idlen = k - j - 1, p;
    }
    return p;
}

static sp_Str *template_str(sp_VM *vm, sp_Value self) {
    sp_Value t = TPL(self)->template;
    if (sp_isstr(t)) return SP_STR(t);
    sp_raise(vm, &sp_t_TypeError, "expected string or bytes-like object, got '%T'", t);
    return NULL;
}

/* "Invalid placeholder in string: line L, col C" (C counts characters;
 * the position is just after the '$', as CPython's regex reports it). */
static sp_Value invalid(sp_VM *vm, sp_Str *s, size_t at) {
    int64_t line = 1, col = 0;
    for (size_t i = 0; i < at;) {
        uint32_t c = sp_utf8_next(s->data, &i);
        col++;
        if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
            c == 0x85 || c == 0x2028 || c == 0x2029) {
            if (c == '\r' && i < at && s->data[i] == '\n') i++;
            if (i < at) line++, col = 0;
        }
    }
    return sp_raise(vm, &sp_t_ValueError, "Invalid placeholder in string: line %lld, col %lld",
                    (long long)line, (long long)col);
}

/* mapping[name], kws first (a ChainMap(kws, mapping)).  SP_NULLV on a
 * KeyError when safe. */
static sp_Value lookup(sp_VM *vm, sp_Value mapping, sp_Value kws, sp_Value key, bool safe) {
    if (!sp_isnull(kws)) {
        sp_Value v;
        int f = sp_dict_get(vm, SP_DICT(kws), key, &v);
        if (f) return f < 0 ? SP_ERRV : v;
    }
    sp_Value v = sp_getitem(vm, mapping, key);
    if (sp_iserr(v) && safe && sp_err_matches(vm, &sp_t_KeyError)) {
        sp_err_clear(vm);
        return SP_NULLV;
    }
    return v;
}

static sp_Value substitute(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, bool safe) {
    const char *fname = safe ? "safe_substitute" : "substitute";
    if (nargs > 2)
        return sp_raise(vm, &sp_t_TypeError, "Template.%s() takes from 1 to 2 positional arguments but %d were given",
                        fname, nargs);
    sp_Str *s = template_str(vm, args[0]);
    if (!s) return SP_ERRV;
    sp_Value kws = SP_NULLV;
    if (kw && kw->n) {
        kws = sp_dict_new(vm);
        for (size_t i = 0; !sp_iserr(kws) && i < kw->n; i++)
            if (!sp_dict_sets(vm, SP_DICT(kws), SP_STR(kw->items[i]), args[nargs + i])) kws = SP_ERRV;
        if (sp_iserr(kws)) return kws;
    }
    sp_Value mapping = nargs == 2 ? args[1] : sp_isnull(kws) ? sp_dict_new(vm) : kws;
    if (sp_iserr(mapping) || !sp_pin(vm, mapping) || !sp_pin(vm, kws)) return SP_ERRV;
    if (nargs < 2) kws = SP_NULLV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = true;
    size_t last = 0;
    for (size_t i = 0; ok && i < s->len; i++) {
        if (s->data[i] != '$') continue;
        Ph p = scan_ph(s->data, s->len, i);
        ok = sp_buf_add(&b, s->data + last, i - last);
        if (ok && p.kind == PH_ESCAPED) ok = sp_buf_addc(&b, '$');
        else if (ok && p.kind == PH_INVALID) {
            if (!safe) {
                invalid(vm, s, p.end);
                ok = false;
            } else ok = sp_buf_addc(&b, '$');
        } else if (ok) {
            sp_Value key = sp_str_new(vm, s->data + p.id, p.idlen);
            sp_Value v = sp_iserr(key) ? key : lookup(vm, mapping, kws, key, safe);
            if (sp_isnull(v)) ok = sp_buf_add(&b, s->data + p.start, p.end - p.start);
            else if (sp_iserr(v) || !sp_pin(vm, v)) ok = false;
            else {
                ok = sp_buf_addv(&b, v, false); /* str(v) */
                sp_unpin(vm, 1);
            }
        }
        last = p.end;
        i = p.end - 1;
        ok = ok && sp_check_limits(vm);
    }
    ok = ok && sp_buf_add(&b, s->data + last, s->len - last);
    sp_unpin(vm, 2);
    if (!ok) {
        sp_buf_free(&b);
        return SP_ERRV;
    }
    return sp_buf_tostr(&b);
}

static sp_Value m_substitute(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return substitute(vm, args, nargs, kw, false);
}
static sp_Value m_safe_substitute(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return substitute(vm, args, nargs, kw, true);
}

/* get_identifiers() (list == false) / is_valid(). */
static sp_Value scan_all(sp_VM *vm, sp_Value self, bool list) {
    sp_Str *s = template_str(vm, self);
    if (!s) return SP_ERRV;
    sp_Value ids = list ? sp_list_with_cap(vm, 0) : SP_NULLV;
    if (sp_iserr(ids) || !sp_pin(vm, ids)) return SP_ERRV;
    sp_Value r = list ? ids : SP_TRUEV;
    for (size_t i = 0; i < s->len; i++) {
        if (s->data[i] != '$') continue;
        Ph p = scan_ph(s->data, s->len, i);
        i = p.end - 1;
        if (p.kind == PH_INVALID && !list) {
            r = SP_FALSEV;
            break;
        }
        if (p.kind != PH_NAMED || !list) continue;
        sp_Value key = sp_str_new(vm, s->data + p.id, p.idlen);
        int has = sp_iserr(key) ? -1 : sp_contains(vm, ids, key);
        if (has < 0 || (!has && !sp_list_append(vm, SP_LIST(ids), key))) {
            r = SP_ERRV;
            break;
        }
    }
    sp_unpin(vm, 1);
    return r;
}

static sp_Value m_get_identifiers(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return spc_noargs(vm, "Template.get_identifiers", nargs - 1, kw) ? scan_all(vm, args[0], true) : SP_ERRV;
}
static sp_Value m_is_valid(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return spc_noargs(vm, "Template.is_valid", nargs - 1, kw) ? scan_all(vm, args[0], false) : SP_ERRV;
}

static sp_Value template_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    Template *t = TPL(self);
    if (t->dict) {
        sp_Value v = sp_dict_gets(t->dict, name);
        if (!sp_isnull(v)) return v;
    }
    if (sp_str_eqc(name, "template")) return t->template;
    if (sp_str_eqc(name, "delimiter")) return sp_str_cstr(vm, "$");
    if (sp_str_eqc(name, "idpattern")) return sp_str_cstr(vm, "(?a:[_a-z][_a-z0-9]*)");
    if (sp_str_eqc(name, "braceidpattern")) return SP_NONEV;
    return sp_generic_getattr(vm, self, name);
}

static bool template_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    Template *t = TPL(self);
    if (sp_str_eqc(name, "template") && !sp_isnull(v)) return t->template = v, true;
    if (!t->dict) {
        sp_Value d = sp_dict_new(vm);
        if (sp_iserr(d)) return false;
        t->dict = SP_DICT(d);
    }
    if (!sp_isnull(v)) return sp_dict_sets(vm, t->dict, name, v);
    int r = sp_dict_del(vm, t->dict, sp_objv(name));
    if (r == 0) sp_raise(vm, &sp_t_AttributeError, "%U", name);
    return r > 0;
}

static const sp_MethodDef template_methods[] = {
    {"substitute", m_substitute, 0}, {"safe_substitute", m_safe_substitute, 0},
    {"get_identifiers", m_get_identifiers, 0}, {"is_valid", m_is_valid, 0}, {NULL, NULL, 0},
};
static sp_Type t_template = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "string.Template", .base = &sp_t_object,
    .methods = template_methods, .traverse = template_traverse, .new_ = template_new,
    .repr = spc_obj_repr, .getattr = template_getattr, .setattr = template_setattr,
};

/* ------------------------------------------------------------ module */

static const sp_MethodDef string_funcs[] = {{"capwords", f_capwords, 0}, {NULL, NULL, 0}};

bool sp_string_init(sp_VM *vm, sp_Module *m) {
    static const char *const consts[][2] = {
        {"ascii_letters", LOWER UPPER}, {"ascii_lowercase", LOWER}, {"ascii_uppercase", UPPER},
        {"digits", DIGITS}, {"hexdigits", DIGITS "abcdefABCDEF"}, {"octdigits", "01234567"},
        {"punctuation", PUNCT}, {"whitespace", WHITE},
        {"printable", DIGITS LOWER UPPER PUNCT WHITE},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        sp_Value v = sp_str_cstr(vm, consts[i][1]);
        if (sp_iserr(v) || !sp_module_add(vm, m, consts[i][0], v)) return false;
    }
    return sp_module_add_funcs(vm, m, string_funcs) && sp_module_add(vm, m, "Template", sp_objv(&t_template));
}
