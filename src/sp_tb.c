/* sp_tb.c - traceback entries and CPython's traceback text.
 *
 * An exception's tb is a chain of (code, line) entries, outermost frame
 * first: each frame the exception leaves prepends itself, as CPython's
 * PyTraceBack_Here does.  Formatting walks cause/context chains
 * iteratively (they can be long) and collapses recursion the CPython way
 * ("[Previous line repeated N more times]"). */
#include "sp_code.h"
#include "sp_names.h"

static void tb_traverse(sp_VM *vm, sp_Obj *o) {
    sp_TB *t = (sp_TB *)o;
    sp_gc_marko(vm, (sp_Obj *)t->next);
    sp_gc_marko(vm, &t->code->h);
}

sp_Type sp_t_tb_ = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "traceback",
    .base = &sp_t_object,
    .traverse = tb_traverse,
};

bool sp_tb_add(sp_VM *vm, sp_Value exc, sp_Code *code, int line, int kind) {
    if (!sp_isobj(exc) || !sp_isexc_type(sp_typeof(exc))) return true;
    sp_Exc *e = SP_AS(sp_Exc, exc);
    sp_TB *t = sp_newobj(vm, &sp_t_tb_, sizeof *t);
    if (!t) return false;
    t->next = (sp_TB *)e->tb;
    t->code = code;
    t->line = line;
    t->kind = kind;
    e->tb = &t->h;
    return true;
}

sp_Str *sp_tb_name(const sp_TB *t) {
    switch (t->kind) {
    case SP_TB_LISTCOMP: return SP_NAME(listcomp);
    case SP_TB_SETCOMP: return SP_NAME(setcomp);
    case SP_TB_DICTCOMP: return SP_NAME(dictcomp);
    default: return t->code->name;
    }
}

/* ------------------------------------------------------------ formatting */

/* Line `line` (1-based) of src, without surrounding whitespace. */
static bool source_line(sp_Value src, int line, const char **p, size_t *n) {
    if (!sp_isstr(src) || line < 1) return false;
    const char *s = SP_STR(src)->data, *end = s + SP_STR(src)->len;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl) return false;
        s = nl + 1;
    }
    const char *e = memchr(s, '\n', (size_t)(end - s));
    if (!e) e = end;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\r')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\f')) e--;
    *p = s, *n = (size_t)(e - s);
    return true;
}

static bool add_entry(sp_Buf *b, sp_TB *t) {
    const char *p;
    size_t n;
    if (!sp_buf_addf(b, "  File \"%s\", line %d, in %s\n", t->code->filename->data, t->line,
                     sp_tb_name(t)->data))
        return false;
    /* CPython shows source only for real files, not "<string>"/"<stdin>". */
    if (t->code->filename->data[0] != '<' && source_line(t->code->source, t->line, &p, &n) && n)
        return sp_buf_adds(b, "    ") && sp_buf_add(b, p, n) && sp_buf_addc(b, '\n');
    return true;
}

static bool add_repeated(sp_Buf *b, int count) {
    if (count <= 3) return true;
    return sp_buf_addf(b, "  [Previous line repeated %d more time%s]\n", count - 3,
                       count - 3 > 1 ? "s" : "");
}

static bool add_tb(sp_Buf *b, sp_TB *t) {
    if (!t) return true;
    if (!sp_buf_adds(b, "Traceback (most recent call last):\n")) return false;
    sp_TB *last = NULL;
    int count = 0;
    for (; t; t = t->next) {
        if (!last || last->code->filename != t->code->filename || last->line != t->line ||
            !sp_str_eq(sp_tb_name(last), sp_tb_name(t))) {
            if (!add_repeated(b, count)) return false;
            last = t, count = 0;
        }
        if (++count > 3) continue;
        if (!add_entry(b, t)) return false;
    }
    return add_repeated(b, count);
}

/* "ValueError", or "pkg.mod.Name" for classes outside __main__/builtins. */
static bool add_type_name(sp_Buf *b, sp_VM *vm, sp_Type *t) {
    if (t->flags & SP_TF_HEAPTYPE) {
        sp_Value mod = sp_getattrs(vm, sp_objv(t), "__module__");
        sp_Value qn = sp_getattrs(vm, sp_objv(t), "__qualname__");
        if (sp_iserr(mod) || sp_iserr(qn)) {
            sp_err_clear(vm);
            return sp_buf_adds(b, t->name);
        }
        if (sp_isstr(mod) && !sp_str_eqc(SP_STR(mod), "__main__") &&
            !sp_str_eqc(SP_STR(mod), "builtins") &&
            (!sp_buf_addv(b, mod, false) || !sp_buf_addc(b, '.')))
            return false;
        return sp_buf_addv(b, qn, false);
    }
    return sp_buf_adds(b, t->name);
}

/* Optional int attribute of a SyntaxError; -1 when None/absent. */
static int64_t int_attr(sp_VM *vm, sp_Value exc, const char *name) {
    sp_Value v = sp_getattrs(vm, exc, name);
    if (sp_iserr(v)) {
        sp_err_clear(vm);
        return -1;
    }
    return sp_isint(v) ? v.u.i : -1;
}

/* The "  File ..., line N\n    text\n    ^^^\n" part of a SyntaxError. */
static bool add_syntax_loc(sp_Buf *b, sp_VM *vm, sp_Value exc, const char **suffix_file) {
    sp_Value fn = sp_getattrs(vm, exc, "filename"), text = sp_getattrs(vm, exc, "text");
    if (sp_iserr(fn) || sp_iserr(text)) return false;
    int64_t line = int_attr(vm, exc, "lineno"), off = int_attr(vm, exc, "offset");
    int64_t end = int_attr(vm, exc, "end_offset");
    const char *fname = sp_isstr(fn) ? SP_STR(fn)->data : "<string>";
    if (line >= 0) {
        if (!sp_buf_addf(b, "  File \"%s\", line %lld\n", fname, (long long)line)) return false;
    } else if (sp_isstr(fn)) {
        *suffix_file = SP_STR(fn)->data;
    }
    if (!sp_isstr(text)) return true;
    sp_Str *t = SP_STR(text);
    size_t n = t->len, i = 0;
    while (n && t->data[n - 1] == '\n') n--;
    while (i < n && (t->data[i] == ' ' || t->data[i] == '\n' || t->data[i] == '\f')) i++;
    int64_t spaces = (int64_t)i; /* stripped characters, all ASCII */
    if (!sp_buf_adds(b, "    ") || !sp_buf_add(b, t->data + i, n - i) || !sp_buf_addc(b, '\n'))
        return false;
    if (off < 0) return true;
    if (end <= 0) end = off;
    if (off == end || end == -1) end = off + 1;
    int64_t col = off - 1 - spaces, endcol = end - 1 - spaces;
    if (col < 0) return true;
    if (!sp_buf_adds(b, "    ")) return false;
    size_t k = i; /* caret spacing copies whitespace, counted in characters */
    for (int64_t c = 0; c < col && k < n; c++) {
        char ch = t->data[k];
        if (!sp_buf_addc(b, ch == '\t' || ch == '\f' || ch == '\v' ? ch : ' ')) return false;
        sp_utf8_next(t->data, &k);
    }
    for (int64_t c = col; c < endcol; c++)
        if (!sp_buf_addc(b, '^')) return false;
    return sp_buf_addc(b, '\n');
}

/* ------------------------------------------- "Did you mean" (CPython's
 * Python/suggestions.c): the closest name by a Levenshtein distance where a
 * case flip costs 1 and an edit 2, at most a third of the characters. */

enum { SUG_MAX_ITEMS = 750, SUG_MAX_LEN = 40, MOVE_COST = 2, CASE_COST = 1 };

static size_t subst_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max) {
    size_t row[SUG_MAX_LEN];
    while (an && bn && a[0] == b[0]) a++, b++, an--, bn--;
    while (an && bn && a[an - 1] == b[bn - 1]) an--, bn--;
    if (!an || !bn) return (an + bn) * MOVE_COST;
    if (an > SUG_MAX_LEN || bn > SUG_MAX_LEN) return max + 1;
    if (bn < an) {
        const char *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if ((bn - an) * MOVE_COST > max) return max + 1;
    for (size_t i = 0; i < an; i++) row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        size_t dist = result = bi * MOVE_COST, minimum = SIZE_MAX;
        for (size_t i = 0; i < an; i++) {
            size_t sub = dist + subst_cost(b[bi], a[i]);
            dist = row[i];
            size_t insdel = (result < dist ? result : dist) + MOVE_COST;
            result = insdel < sub ? insdel : sub;
            row[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max) return max + 1;
    }
    return result;
}

typedef struct Sugg {
    sp_Str *name, *best;
    size_t dist;
} Sugg;

static void sugg_try(Sugg *s, sp_Str *item) {
    if (sp_str_eq(item, s->name)) return;
    size_t max = (s->name->len + item->len + 3) * MOVE_COST / 6;
    if (s->best && s->dist - 1 < max) max = s->dist - 1;
    size_t d = levenshtein(s->name->data, s->name->len, item->data, item->len, max);
    if (d <= max && (!s->best || d < s->dist)) s->best = item, s->dist = d;
}

static void sugg_list(Sugg *s, sp_Value list) {
    sp_List *l = SP_LIST(list);
    if (l->n >= SUG_MAX_ITEMS) return;
    for (size_t i = 0; i < l->n; i++)
        if (sp_isstr(l->items[i])) sugg_try(s, SP_STR(l->items[i]));
}

static void sugg_dict(Sugg *s, sp_Dict *d) {
    size_t pos = 0, n = 0;
    sp_Value k, v;
    while (sp_dict_next(d, &pos, &k, &v)) n++;
    if (n >= SUG_MAX_ITEMS) return;
    for (pos = 0; sp_dict_next(d, &pos, &k, &v);)
        if (sp_isstr(k)) sugg_try(s, SP_STR(k));
}

/* CPython's builtins in its dict order (ties go to the first), limited
 * to the ones sandpy has. */
static const char *const cpython_builtins[] = {
    "__build_class__", "abs", "all", "any", "ascii", "bin", "callable", "chr", "delattr", "dir",
    "divmod", "format", "getattr", "hasattr", "hash", "hex", "id", "isinstance", "issubclass",
    "iter", "aiter", "len", "max", "min", "next", "anext", "oct", "ord", "pow", "print", "repr",
    "round", "setattr", "sorted", "sum", "vars", "None", "Ellipsis", "NotImplemented", "False",
    "True", "bool", "memoryview", "bytearray", "bytes", "classmethod", "complex", "dict",
    "enumerate", "filter", "float", "frozenset", "property", "int", "list", "map", "object",
    "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip",
    "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit", "KeyboardInterrupt",
    "SystemExit", "ArithmeticError", "AssertionError", "AttributeError", "BufferError",
    "EOFError", "ImportError", "LookupError", "MemoryError", "NameError", "OSError",
    "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError",
    "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError",
    "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning",
    "FutureWarning", "ImportWarning", "PendingDeprecationWarning", "ResourceWarning",
    "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning", "BlockingIOError",
    "ChildProcessError", "ConnectionError", "FileExistsError", "FileNotFoundError",
    "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
    "ProcessLookupError", "TimeoutError", "IndentationError", "IndexError", "KeyError",
    "ModuleNotFoundError", "NotImplementedError", "RecursionError", "UnboundLocalError",
    "UnicodeError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError",
    "ConnectionResetError", "TabError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError", "IOError",
};

static void sugg_builtins(Sugg *s, sp_VM *vm) {
    for (size_t i = 0; i < sizeof cpython_builtins / sizeof *cpython_builtins; i++) {
        sp_Value k = sp_str_intern_cstr(vm, cpython_builtins[i]);
        if (sp_iserr(k)) return;
        bool kw = !strcmp(cpython_builtins[i], "None") || !strcmp(cpython_builtins[i], "True") ||
                  !strcmp(cpython_builtins[i], "False"); /* keywords here, builtins there */
        if (kw || !sp_isnull(sp_builtin_lookup(vm, SP_STR(k)))) sugg_try(s, SP_STR(k));
    }
}

/* NameError: the raising frame's locals, then globals, then builtins. */
static void sugg_name(Sugg *s, sp_VM *vm, sp_Exc *e) {
    sp_TB *t = (sp_TB *)e->tb;
    if (!t) return;
    while (t->next) t = t->next;
    if (t->code->nlocals < SUG_MAX_ITEMS)
        for (uint32_t i = 0; i < t->code->nlocals; i++) sugg_try(s, t->code->localnames[i]);
    if (!s->best && vm->globals) sugg_dict(s, vm->globals);
    if (!s->best) sugg_builtins(s, vm);
}

static void sugg_attr(Sugg *s, sp_VM *vm, sp_Value obj) {
    sp_Value k = sp_str_intern_cstr(vm, "dir"), dir;
    if (sp_iserr(k) || sp_isnull(dir = sp_builtin_lookup(vm, SP_STR(k)))) return;
    sp_Value names = sp_call(vm, dir, &obj, 1, NULL);
    if (sp_iserr(names) || !sp_islist(names) || !sp_pin(vm, names)) return;
    sugg_list(s, names);
    sp_unpin(vm, 1);
}

static sp_Value exc_attr(sp_VM *vm, sp_Value exc, const char *name) {
    sp_Value v = sp_getattrs(vm, exc, name);
    return sp_iserr(v) ? SP_NULLV : v;
}

/* ". Did you mean: 'x'?" for an AttributeError/NameError with context. */
static bool add_suggestion(sp_Buf *b, sp_VM *vm, sp_Value exc) {
    bool attr = sp_isinst(exc, &sp_t_AttributeError);
    if (!attr && !sp_isinst(exc, &sp_t_NameError)) return true;
    if (vm->limit_hit) return true;
    Sugg s = {NULL, NULL, 0};
    sp_Value name = exc_attr(vm, exc, "name"), obj = attr ? exc_attr(vm, exc, "obj") : SP_NULLV;
    if (sp_istype(name, &sp_t_str) && (!attr || !sp_isnull(obj))) {
        s.name = SP_STR(name);
        if (attr) sugg_attr(&s, vm, obj);
        else sugg_name(&s, vm, SP_AS(sp_Exc, exc));
    }
    if (vm->limit_hit) return false;
    sp_err_clear(vm);
    if (!s.best) return true;
    return sp_buf_adds(b, ". Did you mean: '") && sp_buf_add(b, s.best->data, s.best->len) &&
           sp_buf_adds(b, "'?");
}

static bool add_exc_line(sp_Buf *b, sp_VM *vm, sp_Value exc) {
    sp_Type *t = sp_typeof(exc);
    const char *suffix_file = NULL;
    bool syntax = sp_issubtype(t, &sp_t_SyntaxError);
    if (syntax && !add_syntax_loc(b, vm, exc, &suffix_file)) return false;
    if (!add_type_name(b, vm, t)) return false;
    sp_Value msg = syntax ? sp_getattrs(vm, exc, "msg") : sp_exc_str(vm, exc);
    if (sp_iserr(msg)) {
        if (vm->limit_hit) return false;
        /* out of memory for the message: the type alone, not a false claim */
        bool oom = sp_err_matches(vm, &sp_t_MemoryError);
        sp_err_clear(vm);
        return sp_buf_adds(b, oom ? "\n" : ": <exception str() failed>\n");
    }
    if (syntax && (!sp_isstr(msg) || !SP_STR(msg)->len)) msg = sp_str_cstr(vm, "<no detail available>");
    if (sp_iserr(msg)) return false;
    if (sp_isstr(msg) && SP_STR(msg)->len == 0 && !syntax) return sp_buf_addc(b, '\n');
    if (!sp_buf_adds(b, ": ") || !sp_buf_addv(b, msg, false)) return false;
    if (suffix_file && !sp_buf_addf(b, " (%s)", suffix_file)) return false;
    return add_suggestion(b, vm, exc) && sp_buf_addc(b, '\n');
}

static sp_Exc *exc_of(sp_Value v) {
    return sp_isobj(v) && sp_isexc_type(sp_typeof(v)) ? SP_AS(sp_Exc, v) : NULL;
}

enum { CHAIN_MAX = 10000 };

/* The chain, innermost-printed-last: chain[0] is exc itself.  seps[i] is
 * the separator printed after chain[i+1]'s block. */
static size_t collect_chain(sp_Exc *e, sp_Exc **chain, bool *cause) {
    size_t n = 0;
    while (e && n < CHAIN_MAX) {
        for (size_t i = 0; i < n; i++)
            if (chain[i] == e) return n;
        chain[n] = e;
        sp_Exc *c = exc_of(e->cause);
        cause[n] = c != NULL;
        if (!c && !e->suppress_context) c = exc_of(e->context);
        n++;
        e = c;
    }
    return n;
}

sp_Value sp_format_exc(sp_VM *vm, sp_Value exc) {
    sp_Exc *e = exc_of(exc);
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!e) {
        if (!sp_buf_adds(&b, sp_typename(exc)) || !sp_buf_addc(&b, '\n')) return sp_buf_free(&b), SP_ERRV;
        return sp_buf_tostr(&b);
    }
    size_t bytes = CHAIN_MAX * (sizeof(sp_Exc *) + sizeof(bool));
    if (!sp_pin(vm, exc)) return SP_ERRV; /* str() of a user exception may collect */
    sp_Exc **chain = sp_malloc(vm, bytes);
    if (!chain) return sp_unpin(vm, 1), SP_ERRV;
    bool *cause = (bool *)(chain + CHAIN_MAX), ok = true;
    size_t n = collect_chain(e, chain, cause);
    for (size_t i = n; ok && i-- > 0;) {
        ok = add_tb(&b, (sp_TB *)chain[i]->tb) && add_exc_line(&b, vm, sp_objv(chain[i]));
        if (ok && i > 0)
            ok = sp_buf_adds(&b, cause[i - 1]
                                     ? "\nThe above exception was the direct cause of the following "
                                       "exception:\n\n"
                                     : "\nDuring handling of the above exception, another "
                                       "exception occurred:\n\n");
    }
    sp_free(vm, chain, bytes);
    sp_unpin(vm, 1);
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}
