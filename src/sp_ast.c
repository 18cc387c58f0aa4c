/* sp_ast.c - the AST arena and a debug dumper whose output matches
 * Python's ast.dump() (used to test the parser against CPython). */
#include <stdio.h>
#include <stdlib.h>

#include "sp_ast.h"

/* ------------------------------------------------------------- arena */

struct sp_ArenaChunk {
    sp_ArenaChunk *next;
    size_t size; /* of the whole allocation */
    /* 16-byte aligned data follows */
};

#define ARENA_HDR ((sizeof(sp_ArenaChunk) + 15) & ~(size_t)15)
#define ARENA_CHUNK (64 * 1024)

void sp_arena_init(sp_Arena *a, sp_VM *vm) {
    memset(a, 0, sizeof *a);
    a->vm = vm;
}

void *sp_arena_grow(sp_Arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    if ((size_t)(a->end - a->p) < n || !a->p) {
        if (n > SP_MAX_ALLOC) return sp_nomem(a->vm);
        /* big requests get their own chunk so the current one stays usable;
         * the first chunk fills a region slot (it comes with the VM's block) */
        size_t chunk = a->chunks ? ARENA_CHUNK : SP_REGION_SLOT - ARENA_HDR;
        size_t size = ARENA_HDR + (n > chunk / 4 ? n : chunk);
        sp_ArenaChunk *c = sp_malloc(a->vm, size);
        if (!c) return NULL;
        c->size = size;
        a->total += size;
        char *data = (char *)c + ARENA_HDR;
        if (n > chunk / 4 && a->chunks) {
            c->next = a->chunks->next; /* keep the current chunk first */
            a->chunks->next = c;
            return data;
        }
        c->next = a->chunks;
        a->chunks = c;
        a->p = data;
        a->end = (char *)c + size;
    }
    void *r = a->p;
    a->p += n;
    return r;
}

void *sp_arena_alloc(sp_Arena *a, size_t n) {
    void *r = sp_arena_raw(a, n);
    if (r) memset(r, 0, n);
    return r;
}

char *sp_arena_strdup(sp_Arena *a, const char *s, size_t n) {
    if (n >= SP_MAX_ALLOC) return sp_nomem(a->vm);
    char *d = sp_arena_raw(a, n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = 0;
    return d;
}

void sp_arena_free(sp_Arena *a) {
    sp_ArenaChunk *c = a->chunks;
    while (c) {
        sp_ArenaChunk *next = c->next;
        sp_free(a->vm, c, c->size);
        c = next;
    }
    a->chunks = NULL;
    a->p = a->end = NULL;
    a->total = 0;
}

/* ------------------------------------------------------------- names */

static const char *const kind_names[SP_N_KIND_COUNT_] = {
    "?", "Module", "FunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign",
    "AnnAssign", "For", "While", "If", "With", "Match", "Raise", "Try", "Assert", "Import",
    "ImportFrom", "Global", "Nonlocal", "Expr", "Pass", "Break", "Continue", "BoolOp",
    "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp", "SetComp",
    "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
    "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
    "List", "Tuple", "Slice", "comprehension", "ExceptHandler", "arguments", "arg", "keyword",
    "alias", "withitem", "match_case", "MatchValue", "MatchSingleton", "MatchSequence",
    "MatchMapping", "MatchClass", "MatchStar", "MatchAs", "MatchOr",
};

const char *sp_node_kind_name(int kind) {
    return kind > 0 && kind < SP_N_KIND_COUNT_ ? kind_names[kind] : "?";
}

static const char *binop_name(int op) {
    static const char *const n[] = {"Add", "Sub", "Mult", "MatMult", "Div", "FloorDiv", "Mod",
                                    "Pow", "LShift", "RShift", "BitAnd", "BitOr", "BitXor"};
    return op >= 0 && op < SP_OP_COUNT_ ? n[op] : "?";
}

static const char *cmpop_name(int op) {
    static const char *const n[] = {"Lt", "LtE", "Eq", "NotEq", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return op >= 0 && op <= SP_CMP_NOTIN ? n[op] : "?";
}

static const char *unop_name(int op) {
    switch (op) {
    case SP_UOP_NEG: return "USub";
    case SP_UOP_POS: return "UAdd";
    case SP_UOP_INVERT: return "Invert";
    case SP_UOP_NOT: return "Not";
    default: return "?";
    }
}

/* ------------------------------------------------------------- dumper */

typedef struct D {
    sp_Buf *b;
    bool ok;
    bool pos; /* append every node's positions (differential tests) */
} D;

static void out(D *d, const char *s) {
    if (d->ok && !sp_buf_adds(d->b, s)) d->ok = false;
}

static void outf(D *d, const char *fmt, ...) {
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    out(d, tmp);
}

/* Python repr() of a str/bytes constant (close enough for tests). */
static void repr_bytes(D *d, const char *s, size_t n, bool bytes) {
    bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    if (bytes) out(d, "b");
    char qs[2] = {q, 0};
    out(d, qs);
    for (size_t i = 0; i < n && d->ok; i++) {
        unsigned char c = (unsigned char)s[i];
        char tmp[8];
        if (c == '\\') out(d, "\\\\");
        else if (c == '\n') out(d, "\\n");
        else if (c == '\r') out(d, "\\r");
        else if (c == '\t') out(d, "\\t");
        else if (c == (unsigned char)q) { tmp[0] = '\\'; tmp[1] = (char)c; tmp[2] = 0; out(d, tmp); }
        else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) { snprintf(tmp, sizeof tmp, "\\x%02x", c); out(d, tmp); }
        else { tmp[0] = (char)c; tmp[1] = 0; out(d, tmp); }
    }
    out(d, qs);
}

static void repr_double(D *d, double f) {
    char tmp[48];
    if (f != f) { out(d, "nan"); return; }
    if (f > 1.7976931348623157e308) { out(d, "inf"); return; }
    int prec = 1;
    for (; prec < 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, f);
        if (strtod(tmp, NULL) == f) break;
    }
    int x = atoi(strchr(tmp, 'e') + 1);
    if (x >= -4 && x < 16) {
        snprintf(tmp, sizeof tmp, "%.*f", prec - 1 - x > 0 ? prec - 1 - x : 0, f);
        out(d, tmp);
        if (!strchr(tmp, '.')) out(d, ".0");
        return;
    }
    snprintf(tmp, sizeof tmp, "%.*e", prec - 1, f);
    char *e = strchr(tmp, 'e');
    if (prec == 1) { /* "1e+16" not "1.e+16" */ }
    out(d, tmp);
    (void)e;
}

static void repr_int(D *d, const sp_Node *n) {
    const char *s = n->u.constant.s;
    int base = n->u.constant.base;
    if (base == 10) {
        while (s[0] == '0' && s[1]) s++;
        out(d, s);
        return;
    }
    if (n->u.constant.len <= 15) {
        outf(d, "%llu", (unsigned long long)strtoull(s, NULL, base));
        return;
    }
    outf(d, "0x?");
    out(d, s);
}

static void dump(D *d, const sp_Node *n);

static void list(D *d, sp_NodeList l) {
    out(d, "[");
    for (size_t i = 0; i < l.n; i++) {
        if (i) out(d, ", ");
        if (l.items[i]) dump(d, l.items[i]);
        else out(d, "None");
    }
    out(d, "]");
}

static void names(D *d, sp_NameList l) {
    out(d, "[");
    for (size_t i = 0; i < l.n; i++) {
        if (i) out(d, ", ");
        repr_bytes(d, l.items[i], strlen(l.items[i]), false);
    }
    out(d, "]");
}

/* Field printers: each emits ", name=value" (first suppresses the comma). */
typedef struct F {
    D *d;
    bool first;
} F;

static void fsep(F *f, const char *name) {
    if (!f->first) out(f->d, ", ");
    f->first = false;
    out(f->d, name);
    out(f->d, "=");
}
static void fnode(F *f, const char *name, const sp_Node *n) {
    if (!n) return; /* optional field: ast.dump omits None */
    fsep(f, name);
    dump(f->d, n);
}
static void flist(F *f, const char *name, sp_NodeList l) { fsep(f, name); list(f->d, l); }
static void fstr(F *f, const char *name, const char *s) {
    if (!s) return;
    fsep(f, name);
    repr_bytes(f->d, s, strlen(s), false);
}
static void fraw(F *f, const char *name, const char *s) { fsep(f, name); out(f->d, s); }
static void fint(F *f, const char *name, int v) { fsep(f, name); outf(f->d, "%d", v); }
static void fctx(F *f, const sp_Node *n) {
    static const char *const c[] = {"Load()", "Store()", "Del()"};
    fraw(f, "ctx", n->ctx <= SP_CTX_DEL ? c[n->ctx] : "?");
}
static void fop(F *f, const char *name, const char *op) {
    fsep(f, name);
    out(f->d, op);
    out(f->d, "()");
}

static void dump_const(F *f, const sp_Node *n) {
    D *d = f->d;
    fsep(f, "value");
    switch (n->u.constant.kind) {
    case SP_CONST_NONE: out(d, "None"); break;
    case SP_CONST_TRUE: out(d, "True"); break;
    case SP_CONST_FALSE: out(d, "False"); break;
    case SP_CONST_ELLIPSIS: out(d, "Ellipsis"); break;
    case SP_CONST_INT: repr_int(d, n); break;
    case SP_CONST_FLOAT: repr_double(d, n->u.constant.f); break;
    case SP_CONST_STR: case SP_CONST_BYTES:
        repr_bytes(d, n->u.constant.s, n->u.constant.len, n->u.constant.kind == SP_CONST_BYTES);
        break;
    }
    if (n->u.constant.flags & SP_CONSTF_U) fraw(f, "kind", "'u'");
}

static void dump_fields(F *f, const sp_Node *n) {
    const char *async = NULL;
    switch (n->kind) {
    case SP_N_MODULE: flist(f, "body", n->u.module.body); fraw(f, "type_ignores", "[]"); break;
    case SP_N_FUNCTIONDEF:
        fstr(f, "name", n->u.funcdef.name); fnode(f, "args", n->u.funcdef.args);
        flist(f, "body", n->u.funcdef.body); flist(f, "decorator_list", n->u.funcdef.decorators);
        fnode(f, "returns", n->u.funcdef.returns);
        break;
    case SP_N_CLASSDEF:
        fstr(f, "name", n->u.classdef.name); flist(f, "bases", n->u.classdef.bases);
        flist(f, "keywords", n->u.classdef.keywords); flist(f, "body", n->u.classdef.body);
        flist(f, "decorator_list", n->u.classdef.decorators);
        break;
    case SP_N_RETURN: fnode(f, "value", n->u.ret.value); break;
    case SP_N_DELETE: flist(f, "targets", n->u.del.targets); break;
    case SP_N_ASSIGN: flist(f, "targets", n->u.assign.targets); fnode(f, "value", n->u.assign.value); break;
    case SP_N_AUGASSIGN:
        fnode(f, "target", n->u.augassign.target); fop(f, "op", binop_name(n->u.augassign.op));
        fnode(f, "value", n->u.augassign.value);
        break;
    case SP_N_ANNASSIGN:
        fnode(f, "target", n->u.annassign.target); fnode(f, "annotation", n->u.annassign.annotation);
        fnode(f, "value", n->u.annassign.value); fint(f, "simple", n->u.annassign.simple);
        break;
    case SP_N_FOR:
        fnode(f, "target", n->u.for_.target); fnode(f, "iter", n->u.for_.iter);
        flist(f, "body", n->u.for_.body); flist(f, "orelse", n->u.for_.orelse);
        (void)async;
        break;
    case SP_N_WHILE: case SP_N_IF:
        fnode(f, "test", n->u.if_.test); flist(f, "body", n->u.if_.body); flist(f, "orelse", n->u.if_.orelse);
        break;
    case SP_N_WITH: flist(f, "items", n->u.with.items); flist(f, "body", n->u.with.body); break;
    case SP_N_MATCH: fnode(f, "subject", n->u.match.subject); flist(f, "cases", n->u.match.cases); break;
    case SP_N_RAISE: fnode(f, "exc", n->u.raise.exc); fnode(f, "cause", n->u.raise.cause); break;
    case SP_N_TRY:
        flist(f, "body", n->u.try_.body); flist(f, "handlers", n->u.try_.handlers);
        flist(f, "orelse", n->u.try_.orelse); flist(f, "finalbody", n->u.try_.finalbody);
        break;
    case SP_N_ASSERT: fnode(f, "test", n->u.assert_.test); fnode(f, "msg", n->u.assert_.msg); break;
    case SP_N_IMPORT: flist(f, "names", n->u.import.names); break;
    case SP_N_IMPORTFROM:
        fstr(f, "module", n->u.importfrom.module); flist(f, "names", n->u.importfrom.names);
        fint(f, "level", n->u.importfrom.level);
        break;
    case SP_N_GLOBAL: case SP_N_NONLOCAL: fsep(f, "names"); names(f->d, n->u.global.names); break;
    case SP_N_EXPR: fnode(f, "value", n->u.expr.value); break;
    case SP_N_PASS: case SP_N_BREAK: case SP_N_CONTINUE: break;
    case SP_N_BOOLOP:
        fop(f, "op", n->u.boolop.op == SP_BOOL_AND ? "And" : "Or"); flist(f, "values", n->u.boolop.values);
        break;
    case SP_N_NAMEDEXPR: fnode(f, "target", n->u.namedexpr.target); fnode(f, "value", n->u.namedexpr.value); break;
    case SP_N_BINOP:
        fnode(f, "left", n->u.binop.left); fop(f, "op", binop_name(n->u.binop.op));
        fnode(f, "right", n->u.binop.right);
        break;
    case SP_N_UNARYOP: fop(f, "op", unop_name(n->u.unaryop.op)); fnode(f, "operand", n->u.unaryop.operand); break;
    case SP_N_LAMBDA: fnode(f, "args", n->u.lambda.args); fnode(f, "body", n->u.lambda.body); break;
    case SP_N_IFEXP:
        fnode(f, "test", n->u.ifexp.test); fnode(f, "body", n->u.ifexp.body); fnode(f, "orelse", n->u.ifexp.orelse);
        break;
    case SP_N_DICT: flist(f, "keys", n->u.dict.keys); flist(f, "values", n->u.dict.values); break;
    case SP_N_SET: flist(f, "elts", n->u.set.elts); break;
    case SP_N_LISTCOMP: case SP_N_SETCOMP: case SP_N_GENERATOREXP:
        fnode(f, "elt", n->u.comp.elt); flist(f, "generators", n->u.comp.generators);
        break;
    case SP_N_DICTCOMP:
        fnode(f, "key", n->u.comp.key); fnode(f, "value", n->u.comp.value);
        flist(f, "generators", n->u.comp.generators);
        break;
    case SP_N_AWAIT: fnode(f, "value", n->u.await_.value); break;
    case SP_N_YIELD: case SP_N_YIELDFROM: fnode(f, "value", n->u.yield.value); break;
    case SP_N_COMPARE:
        fnode(f, "left", n->u.compare.left);
        fsep(f, "ops");
        out(f->d, "[");
        for (size_t i = 0; i < n->u.compare.comparators.n; i++) {
            if (i) out(f->d, ", ");
            out(f->d, cmpop_name(n->u.compare.ops[i]));
            out(f->d, "()");
        }
        out(f->d, "]");
        flist(f, "comparators", n->u.compare.comparators);
        break;
    case SP_N_CALL:
        fnode(f, "func", n->u.call.func); flist(f, "args", n->u.call.args); flist(f, "keywords", n->u.call.keywords);
        break;
    case SP_N_FORMATTEDVALUE:
        fnode(f, "value", n->u.formatted.value); fint(f, "conversion", n->u.formatted.conversion);
        fnode(f, "format_spec", n->u.formatted.format_spec);
        break;
    case SP_N_JOINEDSTR: flist(f, "values", n->u.joined.values); break;
    case SP_N_CONSTANT: dump_const(f, n); break;
    case SP_N_ATTRIBUTE:
        fnode(f, "value", n->u.attribute.value); fstr(f, "attr", n->u.attribute.attr); fctx(f, n);
        break;
    case SP_N_SUBSCRIPT:
        fnode(f, "value", n->u.subscript.value); fnode(f, "slice", n->u.subscript.slice); fctx(f, n);
        break;
    case SP_N_STARRED: fnode(f, "value", n->u.starred.value); fctx(f, n); break;
    case SP_N_NAME: fstr(f, "id", n->u.name.id); fctx(f, n); break;
    case SP_N_LIST: case SP_N_TUPLE: flist(f, "elts", n->u.seq.elts); fctx(f, n); break;
    case SP_N_SLICE:
        fnode(f, "lower", n->u.slice.lower); fnode(f, "upper", n->u.slice.upper); fnode(f, "step", n->u.slice.step);
        break;
    case SP_N_COMPREHENSION:
        fnode(f, "target", n->u.comprehension.target); fnode(f, "iter", n->u.comprehension.iter);
        flist(f, "ifs", n->u.comprehension.ifs); fint(f, "is_async", n->u.comprehension.is_async);
        break;
    case SP_N_EXCEPTHANDLER:
        fnode(f, "type", n->u.handler.type); fstr(f, "name", n->u.handler.name); flist(f, "body", n->u.handler.body);
        break;
    case SP_N_ARGUMENTS:
        flist(f, "posonlyargs", n->u.arguments.posonlyargs); flist(f, "args", n->u.arguments.args);
        fnode(f, "vararg", n->u.arguments.vararg); flist(f, "kwonlyargs", n->u.arguments.kwonlyargs);
        flist(f, "kw_defaults", n->u.arguments.kw_defaults); fnode(f, "kwarg", n->u.arguments.kwarg);
        flist(f, "defaults", n->u.arguments.defaults);
        break;
    case SP_N_ARG: fstr(f, "arg", n->u.arg.name); fnode(f, "annotation", n->u.arg.annotation); break;
    case SP_N_KEYWORD: fstr(f, "arg", n->u.keyword.arg); fnode(f, "value", n->u.keyword.value); break;
    case SP_N_ALIAS: fstr(f, "name", n->u.alias.name); fstr(f, "asname", n->u.alias.asname); break;
    case SP_N_WITHITEM:
        fnode(f, "context_expr", n->u.withitem.context_expr); fnode(f, "optional_vars", n->u.withitem.optional_vars);
        break;
    case SP_N_MATCH_CASE:
        fnode(f, "pattern", n->u.match_case.pattern); fnode(f, "guard", n->u.match_case.guard);
        flist(f, "body", n->u.match_case.body);
        break;
    case SP_N_MATCHVALUE: fnode(f, "value", n->u.matchvalue.value); break;
    case SP_N_MATCHSINGLETON:
        fraw(f, "value", n->u.matchsingleton.value == SP_CONST_NONE ? "None"
                         : n->u.matchsingleton.value == SP_CONST_TRUE ? "True" : "False");
        break;
    case SP_N_MATCHSEQUENCE: case SP_N_MATCHOR: flist(f, "patterns", n->u.matchseq.patterns); break;
    case SP_N_MATCHMAPPING:
        flist(f, "keys", n->u.matchmapping.keys); flist(f, "patterns", n->u.matchmapping.patterns);
        fstr(f, "rest", n->u.matchmapping.rest);
        break;
    case SP_N_MATCHCLASS:
        fnode(f, "cls", n->u.matchclass.cls); flist(f, "patterns", n->u.matchclass.patterns);
        fsep(f, "kwd_attrs"); names(f->d, n->u.matchclass.kwd_attrs);
        flist(f, "kwd_patterns", n->u.matchclass.kwd_patterns);
        break;
    case SP_N_MATCHSTAR: fstr(f, "name", n->u.matchstar.name); break;
    case SP_N_MATCHAS: fnode(f, "pattern", n->u.matchas.pattern); fstr(f, "name", n->u.matchas.name); break;
    default: break;
    }
}

static const char *display_name(const sp_Node *n) {
    bool a = (n->kind == SP_N_FUNCTIONDEF && n->u.funcdef.is_async) || (n->kind == SP_N_FOR && n->u.for_.is_async) ||
             (n->kind == SP_N_WITH && n->u.with.is_async);
    if (a) return n->kind == SP_N_FUNCTIONDEF ? "AsyncFunctionDef" : n->kind == SP_N_FOR ? "AsyncFor" : "AsyncWith";
    if (n->kind == SP_N_TRY && n->u.try_.is_star) return "TryStar";
    return sp_node_kind_name(n->kind);
}

static void dump(D *d, const sp_Node *n) {
    if (!d->ok) return;
    if (!SP_ENTER(d->b->vm)) {
        d->ok = false;
        return;
    }
    out(d, display_name(n));
    out(d, "(");
    F f = {d, true};
    dump_fields(&f, n);
    if (d->pos)
        outf(d, "%s@%d:%d-%d:%d", f.first ? "" : ", ", n->lineno, n->col, n->end_lineno, n->end_col);
    out(d, ")");
    SP_LEAVE(d->b->vm);
}

bool sp_ast_dump(sp_Buf *b, const sp_Node *n) {
    D d = {b, true, false};
    dump(&d, n);
    return d.ok;
}

bool sp_ast_dump_pos(sp_Buf *b, const sp_Node *n) {
    D d = {b, true, true};
    dump(&d, n);
    return d.ok;
}
