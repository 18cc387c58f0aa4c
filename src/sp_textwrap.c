/* sp_textwrap.c - the textwrap module: wrap, fill, shorten, dedent,
 * indent and TextWrapper, after CPython 3.11's Lib/textwrap.py.
 *
 * Text is split into chunks with CPython's own word-separator regexes, run
 * on the re module, so chunking is identical; the line-filling algorithm
 * (_wrap_chunks, _handle_long_word) is a direct transcription.  Lengths
 * are in code points, like len(). */
#include "sp_cont.h"
#include "sp_strimpl.h"

#define WS "[\\t\\n\\x0b\\x0c\\r ]"
#define NWS "[^\\t\\n\\x0b\\x0c\\r ]"
#define WP "[\\w!\"\\'&.,?]"
#define LT "[^\\d\\W]"
static const char wordsep_re[] =
    "(" WS "+|(?<=" WP ")-{2,}(?=\\w)|" NWS "+?(?:-(?:(?<=" LT "{2}-)|(?<=" LT "-" LT "-))(?=" LT "-?" LT
    ")|(?=" WS "|\\Z)|(?<=" WP ")(?=-{2,}\\w)))";
static const char wordsep_simple_re[] = "(" WS "+)";

typedef struct Opts {
    int64_t width, tabsize, max_lines; /* max_lines -1: None */
    sp_Value initial_indent, subsequent_indent, placeholder;
    bool expand_tabs, replace_whitespace, fix_sentence_endings, break_long_words, drop_whitespace,
        break_on_hyphens;
} Opts;

enum { O_WIDTH, O_INIT, O_SUBS, O_EXPAND, O_REPLACE, O_FIXSENT, O_BREAKLONG, O_DROPWS, O_HYPHENS, O_TABSIZE,
       O_MAXLINES, O_PLACEHOLDER, O_COUNT };
static const char *const opt_names[O_COUNT] = {
    "width", "initial_indent", "subsequent_indent", "expand_tabs", "replace_whitespace",
    "fix_sentence_endings", "break_long_words", "drop_whitespace", "break_on_hyphens", "tabsize",
    "max_lines", "placeholder",
};
#define OPT_REST                                                                                    \
    "initial_indent,subsequent_indent,expand_tabs,replace_whitespace,fix_sentence_endings,"          \
    "break_long_words,drop_whitespace,break_on_hyphens,tabsize,"
#define OPT_SPEC "width," OPT_REST "$max_lines,placeholder"
#define WRAP_SPEC "text|width,$" OPT_REST "max_lines,placeholder"
#define SHORTEN_SPEC "text,width|$" OPT_REST "max_lines,placeholder"

static bool flag_opt(sp_VM *vm, sp_Value v, bool dflt, bool *out) {
    int t = sp_isnull(v) ? dflt : sp_truthy(vm, v);
    *out = t == 1;
    return t >= 0;
}

static bool str_opt(sp_VM *vm, sp_Value v, const char *dflt, sp_Value *out) {
    *out = sp_isnull(v) ? sp_str_cstr(vm, dflt) : v;
    if (sp_iserr(*out)) return false;
    if (sp_isstr(*out)) return true;
    sp_raise(vm, &sp_t_TypeError, "can only concatenate str (not \"%T\") to str", *out);
    return false;
}

/* Options from TextWrapper's arguments (v[i] SP_NULL: the default). */
static bool opts_from(sp_VM *vm, const sp_Value *v, Opts *o) {
    o->width = 70, o->tabsize = 8, o->max_lines = -1;
    if (!sp_isnull(v[O_WIDTH]) && !sp_index(vm, v[O_WIDTH], &o->width)) return false;
    if (!sp_isnull(v[O_TABSIZE]) && !sp_index(vm, v[O_TABSIZE], &o->tabsize)) return false;
    if (!sp_isnull(v[O_MAXLINES]) && !sp_isnone(v[O_MAXLINES]) && !sp_index(vm, v[O_MAXLINES], &o->max_lines))
        return false;
    /* break_on_hyphens is tested with `is True` in CPython */
    o->break_on_hyphens = sp_isnull(v[O_HYPHENS]) || (sp_isbool(v[O_HYPHENS]) && v[O_HYPHENS].u.i);
    return str_opt(vm, v[O_INIT], "", &o->initial_indent) && str_opt(vm, v[O_SUBS], "", &o->subsequent_indent) &&
           str_opt(vm, v[O_PLACEHOLDER], " [...]", &o->placeholder) &&
           flag_opt(vm, v[O_EXPAND], true, &o->expand_tabs) &&
           flag_opt(vm, v[O_REPLACE], true, &o->replace_whitespace) &&
           flag_opt(vm, v[O_FIXSENT], false, &o->fix_sentence_endings) &&
           flag_opt(vm, v[O_BREAKLONG], true, &o->break_long_words) &&
           flag_opt(vm, v[O_DROPWS], true, &o->drop_whitespace);
}

/* ------------------------------------------------------------ helpers */

static int64_t clen(sp_Value s) { return (int64_t)SP_STR(s)->clen; }

/* s.strip() == '' */
static bool is_blank(sp_Value s) {
    sp_Str *t = SP_STR(s);
    for (size_t i = 0; i < t->len;) {
        uint32_t cp = sp_utf8_next(t->data, &i);
        if (!sp_uni_has(cp, SP_U_SPACE)) return false;
    }
    return true;
}

static sp_Value substr(sp_VM *vm, sp_Value s, int64_t a, int64_t b) {
    sp_Str *t = SP_STR(s);
    size_t ba = sp_str_byteoff(vm, t, (size_t)a), bb = sp_str_byteoff(vm, t, (size_t)b);
    return sp_str_new(vm, t->data + ba, bb - ba);
}

static sp_Value call_method(sp_VM *vm, sp_Value self, const char *name, int nargs, sp_Value *args) {
    sp_Value f = sp_getattrs(vm, self, name);
    return sp_iserr(f) ? f : sp_call(vm, f, args, nargs, NULL);
}

static sp_Value re_compiled(sp_VM *vm, const char *pattern, int flags) {
    sp_Value name = sp_str_intern_cstr(vm, "re");
    sp_Value re = sp_iserr(name) ? name : sp_import(vm, SP_STR(name));
    sp_Value p = sp_iserr(re) ? re : sp_str_cstr(vm, pattern);
    if (sp_iserr(p)) return p;
    sp_Value args[2] = {p, sp_int(flags)};
    return call_method(vm, re, "compile", 2, args);
}

/* ------------------------------------------------------------ chunks */

/* _munge_whitespace: expand tabs, then every whitespace char -> ' '. */
static sp_Value munge(sp_VM *vm, sp_Value text, const Opts *o) {
    if (o->expand_tabs) {
        sp_Value ts = sp_int(o->tabsize);
        text = call_method(vm, text, "expandtabs", 1, &ts);
        if (sp_iserr(text)) return text;
    }
    if (!o->replace_whitespace) return text;
    sp_Str *t = SP_STR(text);
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_add(&b, t->data, t->len)) return sp_buf_free(&b), SP_ERRV;
    for (size_t i = 0; i < b.n; i++)
        if (b.p[i] && strchr("\t\n\v\f\r", b.p[i])) b.p[i] = ' ';
    return sp_buf_tostr(&b);
}

/* chunks of text, empty ones dropped */
static sp_Value split_chunks(sp_VM *vm, sp_Value text, const Opts *o) {
    text = munge(vm, text, o);
    if (sp_iserr(text) || !sp_pin(vm, text)) return SP_ERRV;
    sp_Value rx = re_compiled(vm, o->break_on_hyphens ? wordsep_re : wordsep_simple_re, 0);
    sp_Value parts = sp_iserr(rx) ? rx : call_method(vm, rx, "split", 1, &text);
    sp_unpin(vm, 1);
    if (sp_iserr(parts)) return parts;
    sp_List *l = SP_LIST(parts);
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++)
        if (SP_STR(l->items[i])->len) l->items[k++] = l->items[i];
    l->n = k;
    return parts;
}

/* _fix_sentence_endings: "[a-z][.!?][\"']?\Z" followed by " " -> "  " */
static bool fix_sentences(sp_VM *vm, sp_List *c) {
    for (size_t i = 0; i + 1 < c->n;) {
        sp_Str *s = SP_STR(c->items[i]), *nx = SP_STR(c->items[i + 1]);
        size_t k = s->len;
        if (k && (s->data[k - 1] == '"' || s->data[k - 1] == '\'')) k--;
        bool end = k >= 2 && strchr(".!?", s->data[k - 1]) && s->data[k - 1] && s->data[k - 2] >= 'a' &&
                   s->data[k - 2] <= 'z';
        if (nx->len == 1 && nx->data[0] == ' ' && end) {
            sp_Value two = sp_str_cstr(vm, "  ");
            if (sp_iserr(two)) return false;
            c->items[i + 1] = two;
            i += 2;
        } else {
            i++;
        }
    }
    return true;
}

/* ------------------------------------------------------------ _wrap_chunks */

typedef struct Wrap {
    const Opts *o;
    sp_List *chunks; /* reversed: the next chunk is last */
    sp_List *line;   /* current line's chunks */
    sp_List *lines;
} Wrap;

static sp_Value last(sp_List *l) { return l->items[l->n - 1]; }

static bool handle_long_word(sp_VM *vm, Wrap *w, int64_t cur_len, int64_t width) {
    int64_t space_left = width < 1 ? 1 : width - cur_len;
    if (w->o->break_long_words) {
        sp_Value chunk = last(w->chunks);
        int64_t end = space_left, n = clen(chunk);
        if (w->o->break_on_hyphens && n > space_left) {
            int64_t hyphen = -1, ci = 0;
            sp_Str *s = SP_STR(chunk);
            bool nondash = false, seen = false;
            for (size_t i = 0; i < s->len && ci < space_left; ci++) {
                uint32_t cp = sp_utf8_next(s->data, &i);
                if (cp == '-') hyphen = ci, nondash = seen;
                else seen = true;
            }
            if (hyphen > 0 && nondash) end = hyphen + 1;
        }
        if (end > n) end = n;
        if (end < 0) end = 0;
        sp_Value head = substr(vm, chunk, 0, end);
        if (sp_iserr(head) || !sp_list_append(vm, w->line, head)) return false;
        sp_Value tail = substr(vm, chunk, end, n);
        if (sp_iserr(tail)) return false;
        w->chunks->items[w->chunks->n - 1] = tail;
    } else if (w->line->n == 0) {
        if (!sp_list_append(vm, w->line, last(w->chunks))) return false;
        w->chunks->n--;
    }
    return true;
}

static sp_Value join_line(sp_VM *vm, sp_Value indent, sp_List *parts, sp_Value extra) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_add(&b, SP_STR(indent)->data, SP_STR(indent)->len);
    for (size_t i = 0; ok && i < parts->n; i++) ok = sp_buf_add(&b, SP_STR(parts->items[i])->data, SP_STR(parts->items[i])->len);
    if (ok && !sp_isnull(extra)) ok = sp_buf_add(&b, SP_STR(extra)->data, SP_STR(extra)->len);
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

static bool add_line(sp_VM *vm, Wrap *w, sp_Value indent, sp_Value extra) {
    sp_Value s = join_line(vm, indent, w->line, extra);
    return !sp_iserr(s) && sp_list_append(vm, w->lines, s);
}

static sp_Value lstrip(sp_VM *vm, sp_Value s) { return call_method(vm, s, "lstrip", 0, NULL); }
static sp_Value rstrip(sp_VM *vm, sp_Value s) { return call_method(vm, s, "rstrip", 0, NULL); }

/* The max_lines cut: end with the placeholder.  Returns false on error. */
static bool truncate_lines(sp_VM *vm, Wrap *w, sp_Value indent, int64_t cur_len, int64_t width) {
    const Opts *o = w->o;
    int64_t pl = clen(o->placeholder);
    while (w->line->n) {
        if (!is_blank(last(w->line)) && cur_len + pl <= width) return add_line(vm, w, indent, o->placeholder);
        cur_len -= clen(last(w->line));
        w->line->n--;
    }
    if (w->lines->n) {
        sp_Value prev = rstrip(vm, last(w->lines));
        if (sp_iserr(prev)) return false;
        if (clen(prev) + pl <= o->width) {
            sp_Value s = sp_str_concat(vm, SP_STR(prev), SP_STR(o->placeholder));
            if (sp_iserr(s)) return false;
            w->lines->items[w->lines->n - 1] = s;
            return true;
        }
    }
    sp_Value p = lstrip(vm, o->placeholder);
    return !sp_iserr(p) && add_line(vm, w, indent, p);
}

static bool wrap_chunks(sp_VM *vm, Wrap *w) {
    const Opts *o = w->o;
    if (o->width <= 0) return sp_raise(vm, &sp_t_ValueError, "invalid width %lld (must be > 0)", (long long)o->width), false;
    if (o->max_lines >= 0) {
        sp_Value indent = o->max_lines > 1 ? o->subsequent_indent : o->initial_indent;
        sp_Value p = lstrip(vm, o->placeholder);
        if (sp_iserr(p)) return false;
        if (clen(indent) + clen(p) > o->width)
            return sp_raise(vm, &sp_t_ValueError, "placeholder too large for max width"), false;
    }
    sp_List *c = w->chunks;
    for (size_t i = 0, j = c->n; i + 1 < j; i++, j--) {
        sp_Value t = c->items[i];
        c->items[i] = c->items[j - 1];
        c->items[j - 1] = t;
    }
    while (c->n) {
        if (!sp_check_limits(vm)) return false;
        w->line->n = 0;
        int64_t cur_len = 0;
        sp_Value indent = w->lines->n ? o->subsequent_indent : o->initial_indent;
        int64_t width = o->width - clen(indent);
        if (o->drop_whitespace && is_blank(last(c)) && w->lines->n) c->n--;
        while (c->n) {
            int64_t l = clen(last(c));
            if (cur_len + l > width) break;
            if (!sp_list_append(vm, w->line, last(c))) return false;
            c->n--;
            cur_len += l;
        }
        if (c->n && clen(last(c)) > width) {
            if (!handle_long_word(vm, w, cur_len, width)) return false;
            cur_len = 0;
            for (size_t i = 0; i < w->line->n; i++) cur_len += clen(w->line->items[i]);
        }
        if (o->drop_whitespace && w->line->n && is_blank(last(w->line))) {
            cur_len -= clen(last(w->line));
            w->line->n--;
        }
        if (!w->line->n) continue;
        if (o->max_lines < 0 || (int64_t)w->lines->n + 1 < o->max_lines ||
            ((!c->n || (o->drop_whitespace && c->n == 1 && is_blank(c->items[0]))) && cur_len <= width)) {
            if (!add_line(vm, w, indent, SP_NULLV)) return false;
        } else {
            return truncate_lines(vm, w, indent, cur_len, width);
        }
    }
    return true;
}

/* TextWrapper.wrap(text) */
static sp_Value wrap_text(sp_VM *vm, sp_Value text, const Opts *o) {
    if (!sp_isstr(text)) return sp_raise(vm, &sp_t_AttributeError, "'%T' object has no attribute 'expandtabs'", text);
    sp_Value chunks = split_chunks(vm, text, o);
    if (sp_iserr(chunks) || !sp_pin(vm, chunks)) return SP_ERRV;
    sp_Value line = sp_list_with_cap(vm, 0), lines = sp_iserr(line) ? line : sp_list_with_cap(vm, 0);
    bool ok = !sp_iserr(lines) && sp_pin(vm, line);
    if (ok && !sp_pin(vm, lines)) sp_unpin(vm, 1), ok = false;
    if (ok) {
        Wrap w = {o, SP_LIST(chunks), SP_LIST(line), SP_LIST(lines)};
        ok = (!o->fix_sentence_endings || fix_sentences(vm, w.chunks)) && wrap_chunks(vm, &w);
        sp_unpin(vm, 2);
    }
    sp_unpin(vm, 1);
    return ok ? lines : SP_ERRV;
}

static sp_Value join_lines(sp_VM *vm, sp_Value lines) {
    sp_Value nl = sp_str_cstr(vm, "\n");
    return sp_iserr(nl) ? nl : call_method(vm, nl, "join", 1, &lines);
}

static sp_Value fill_text(sp_VM *vm, sp_Value text, const Opts *o) {
    sp_Value lines = wrap_text(vm, text, o);
    return sp_iserr(lines) ? lines : join_lines(vm, lines);
}

/* ------------------------------------------------------------ functions */

/* wrap/fill(text, width=70, **kwargs) */
static bool text_args(sp_VM *vm, const char *fname, sp_Value *args, int nargs, sp_Tuple *kw, sp_Value *text, Opts *o) {
    sp_Value v[O_COUNT + 1];
    if (!sp_parse_args(vm, fname, args, nargs, kw, WRAP_SPEC, v)) return false;
    *text = v[0];
    return opts_from(vm, v + 1, o);
}

static sp_Value f_wrap(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value text;
    Opts o;
    return text_args(vm, "wrap", args, nargs, kw, &text, &o) ? wrap_text(vm, text, &o) : SP_ERRV;
}

static sp_Value f_fill(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value text;
    Opts o;
    return text_args(vm, "fill", args, nargs, kw, &text, &o) ? fill_text(vm, text, &o) : SP_ERRV;
}

/* shorten: collapse whitespace, then fill one line with max_lines=1. */
static sp_Value f_shorten(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value v[O_COUNT + 1];
    Opts o;
    if (!sp_parse_args(vm, "shorten", args, nargs, kw, SHORTEN_SPEC, v)) return SP_ERRV;
    if (!sp_isnull(v[1 + O_MAXLINES]))
        return sp_raise(vm, &sp_t_TypeError, "textwrap.TextWrapper() got multiple values for keyword argument 'max_lines'");
    v[1 + O_MAXLINES] = sp_int(1);
    if (!opts_from(vm, v + 1, &o)) return SP_ERRV;
    if (!sp_isstr(v[0])) return sp_raise(vm, &sp_t_AttributeError, "'%T' object has no attribute 'strip'", v[0]);
    sp_Value words = call_method(vm, v[0], "split", 0, NULL);
    if (sp_iserr(words)) return words;
    sp_Value sp = sp_str_cstr(vm, " ");
    sp_Value text = sp_iserr(sp) ? sp : call_method(vm, sp, "join", 1, &words);
    return sp_iserr(text) ? text : fill_text(vm, text, &o);
}

/* dedent: remove the longest common leading run of spaces/tabs. */
static sp_Value f_dedent(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    if (!sp_parse_args(vm, "dedent", args, nargs, kw, "text", a)) return SP_ERRV;
    if (!sp_isstr(a[0])) return sp_raise(vm, &sp_t_TypeError, "expected string or bytes-like object, got '%T'", a[0]);
    sp_Str *t = SP_STR(a[0]);
    /* pass 1: lines of only spaces/tabs become empty; find the margin */
    sp_Buf b;
    sp_buf_init(vm, &b);
    const char *margin = NULL;
    size_t mlen = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < t->len;) {
        size_t e = i;
        while (e < t->len && t->data[e] != '\n') e++;
        size_t ws = i;
        while (ws < e && (t->data[ws] == ' ' || t->data[ws] == '\t')) ws++;
        if (ws == e && ws > i) { /* whitespace-only line */
            ok = e < t->len ? sp_buf_addc(&b, '\n') : true;
        } else {
            if (ws < e) { /* an indent followed by text */
                if (!margin) margin = t->data + i, mlen = ws - i;
                else {
                    size_t k = 0, il = ws - i;
                    while (k < mlen && k < il && margin[k] == t->data[i + k]) k++;
                    if (k < mlen) mlen = k;
                }
            }
            ok = sp_buf_add(&b, t->data + i, e - i) && (e >= t->len || sp_buf_addc(&b, '\n'));
        }
        i = e + 1;
        if (!sp_check_limits(vm)) ok = false;
    }
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    if (!mlen) return sp_buf_tostr(&b);
    /* pass 2: strip the margin from every line that starts with it */
    sp_Buf r;
    sp_buf_init(vm, &r);
    for (size_t i = 0; ok && i < b.n;) {
        size_t e = i;
        while (e < b.n && b.p[e] != '\n') e++;
        size_t skip = e - i >= mlen && memcmp(b.p + i, margin, mlen) == 0 ? mlen : 0;
        ok = sp_buf_add(&r, b.p + i + skip, e - i - skip) && (e >= b.n || sp_buf_addc(&r, '\n'));
        i = e + 1;
    }
    sp_buf_free(&b);
    if (!ok) return sp_buf_free(&r), SP_ERRV;
    return sp_buf_tostr(&r);
}

/* indent(text, prefix, predicate=None) */
static sp_Value f_indent(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[3];
    if (!sp_parse_args(vm, "indent", args, nargs, kw, "text,prefix|predicate", a)) return SP_ERRV;
    if (!sp_isstr(a[0])) return sp_raise(vm, &sp_t_AttributeError, "'%T' object has no attribute 'splitlines'", a[0]);
    sp_Value keep = SP_TRUEV;
    sp_Value lines = call_method(vm, a[0], "splitlines", 1, &keep);
    if (sp_iserr(lines) || !sp_pin(vm, lines)) return SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = true, custom = !sp_isnull(a[2]) && !sp_isnone(a[2]);
    for (size_t i = 0; ok && i < SP_LIST(lines)->n; i++) {
        sp_Value line = SP_LIST(lines)->items[i];
        int t;
        if (custom) {
            sp_Value r = sp_call1(vm, a[2], line);
            t = sp_iserr(r) ? -1 : sp_truthy(vm, r);
        } else {
            t = !is_blank(line);
        }
        if (t > 0 && !sp_isstr(a[1])) {
            sp_raise(vm, &sp_t_TypeError, "unsupported operand type(s) for +: '%T' and 'str'", a[1]);
            t = -1;
        }
        ok = t >= 0 && (!t || sp_buf_addv(&b, a[1], false)) && sp_buf_addv(&b, line, false) && sp_check_limits(vm);
    }
    sp_unpin(vm, 1);
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

/* ------------------------------------------------------------ TextWrapper */

typedef struct Wrapper {
    sp_Obj h;
    sp_Value opts[O_COUNT];
} Wrapper;

static sp_Type t_wrapper;
#define WR(v) ((Wrapper *)SP_O(v))

static sp_Value opt_default(int i) {
    switch (i) {
    case O_WIDTH: return sp_int(70);
    case O_TABSIZE: return sp_int(8);
    case O_MAXLINES: return SP_NONEV;
    case O_EXPAND: case O_REPLACE: case O_BREAKLONG: case O_DROPWS: case O_HYPHENS: return SP_TRUEV;
    case O_FIXSENT: return SP_FALSEV;
    default: return SP_NULLV; /* strings: filled at construction */
    }
}

static sp_Value wrapper_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value v[O_COUNT];
    if (!sp_parse_args(vm, "TextWrapper", args, nargs, kw, "|" OPT_SPEC, v)) return SP_ERRV;
    static const char *const sdef[] = {[O_INIT] = "", [O_SUBS] = "", [O_PLACEHOLDER] = " [...]"};
    for (int i = 0; i < O_COUNT; i++) {
        if (!sp_isnull(v[i])) continue;
        v[i] = opt_default(i);
        if (sp_isnull(v[i])) v[i] = sp_str_cstr(vm, sdef[i]);
        if (sp_iserr(v[i])) return SP_ERRV;
    }
    Wrapper *w = sp_newobj(vm, t, sizeof *w);
    if (!w) return SP_ERRV;
    memcpy(w->opts, v, sizeof v);
    return sp_objv(w);
}

static void wrapper_traverse(sp_VM *vm, sp_Obj *o) {
    for (int i = 0; i < O_COUNT; i++) sp_gc_markv(vm, ((Wrapper *)o)->opts[i]);
}

static int opt_index(sp_Str *name) {
    for (int i = 0; i < O_COUNT; i++)
        if (sp_str_eqc(name, opt_names[i])) return i;
    return -1;
}

static sp_Value wrapper_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    int i = opt_index(name);
    return i >= 0 ? WR(self)->opts[i] : sp_generic_getattr(vm, self, name);
}

static bool wrapper_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    int i = opt_index(name);
    if (i < 0 || sp_isnull(v)) {
        sp_raise(vm, &sp_t_AttributeError, "'TextWrapper' object attribute '%U' cannot be changed", name);
        return false;
    }
    WR(self)->opts[i] = v;
    return true;
}

static bool wrapper_text(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *name, Opts *o) {
    if (nargs < 1 || !sp_istype(args[0], &t_wrapper))
        return sp_raise(vm, &sp_t_TypeError, "%s() needs a TextWrapper", name), false;
    if (!spc_onearg(vm, name, nargs - 1, kw)) return false;
    return opts_from(vm, WR(args[0])->opts, o);
}

static sp_Value m_wrapper_wrap(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Opts o;
    return wrapper_text(vm, args, nargs, kw, "wrap", &o) ? wrap_text(vm, args[1], &o) : SP_ERRV;
}

static sp_Value m_wrapper_fill(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Opts o;
    return wrapper_text(vm, args, nargs, kw, "fill", &o) ? fill_text(vm, args[1], &o) : SP_ERRV;
}

static const sp_MethodDef wrapper_methods[] = {
    {"wrap", m_wrapper_wrap, 0}, {"fill", m_wrapper_fill, 0}, {NULL, NULL, 0},
};

static sp_Type t_wrapper = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "textwrap.TextWrapper",
    .base = &sp_t_object,
    .methods = wrapper_methods,
    .traverse = wrapper_traverse,
    .new_ = wrapper_new,
    .repr = spc_obj_repr,
    .getattr = wrapper_getattr,
    .setattr = wrapper_setattr,
};

static const sp_MethodDef tw_funcs[] = {
    {"wrap", f_wrap, 0},     {"fill", f_fill, 0},     {"shorten", f_shorten, 0},
    {"dedent", f_dedent, 0}, {"indent", f_indent, 0}, {NULL, NULL, 0},
};

bool sp_textwrap_init(sp_VM *vm, sp_Module *m) {
    return sp_module_add_funcs(vm, m, tw_funcs) && sp_module_add(vm, m, "TextWrapper", sp_objv(&t_wrapper));
}
