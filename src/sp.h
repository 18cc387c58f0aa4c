/* sp.h - the internal contract every sandpy module codes against.
 *
 * Conventions (read these once, they hold everywhere):
 *  - A function returning sp_Value signals failure with SP_ERRV (tag SP_ERR);
 *    the exception is then pending in vm->exc.  A function returning int
 *    uses -1 for failure (0/1 otherwise); bool-returning ones use false.
 *  - SP_NULLV (tag SP_NULL) means "absent": an unbound local, a missing
 *    attribute from a getattr slot, an exhausted iterator from next.
 *  - Every byte goes through sp_malloc/sp_realloc/sp_free (sized, so the
 *    accounting is exact).  On failure they return NULL with MemoryError
 *    already pending: just propagate.
 *  - Garbage is collected only at safe points: sp_gc_maybe, called by the
 *    interpreter loop and by sp_next (an iterator may be a generator
 *    anyway).  C code that calls sp_next or calls back into Python (sp_call
 *    on a Python function, a user __eq__) may see a collection: values it
 *    holds only in C locals must be rooted with sp_pin/sp_unpin across it.
 *  - No global mutable state.  Static builtin type objects and static
 *    strings are immutable after compile time; the GC never writes to an
 *    object whose header has SP_GC_STATIC.
 *  - C recursion over user data goes through SP_ENTER/SP_LEAVE (depth and
 *    real stack guard -> RecursionError).
 */
#ifndef SP_H
#define SP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sp_conf.h"

typedef struct sp_VM sp_VM;
typedef struct sp_Obj sp_Obj;
typedef struct sp_Type sp_Type;
typedef struct sp_Str sp_Str;
typedef struct sp_Tuple sp_Tuple;
typedef struct sp_List sp_List;
typedef struct sp_Dict sp_Dict;

/* ------------------------------------------------------------------ values */

enum { SP_NULL = 0, SP_NONE, SP_BOOL, SP_INT, SP_FLOAT, SP_OBJ, SP_ERR };

/* 16 bytes, passed by value.  Small ints (int64) and floats live inline;
 * an int that does not fit int64 is a heap sp_BigInt, and a heap int that
 * fits int64 is never created (one canonical form, so equality is cheap). */
typedef struct sp_Value {
    uint32_t tag;
    uint32_t pad_;
    union {
        int64_t i; /* SP_INT, SP_BOOL (0/1) */
        double f;  /* SP_FLOAT */
        sp_Obj *o; /* SP_OBJ */
    } u;
} sp_Value;

static inline sp_Value sp_mk(uint32_t tag) { sp_Value v; v.tag = tag; v.pad_ = 0; v.u.i = 0; return v; }
static inline sp_Value sp_int(int64_t i) { sp_Value v = sp_mk(SP_INT); v.u.i = i; return v; }
static inline sp_Value sp_float(double f) { sp_Value v = sp_mk(SP_FLOAT); v.u.f = f; return v; }
static inline sp_Value sp_bool(bool b) { sp_Value v = sp_mk(SP_BOOL); v.u.i = b ? 1 : 0; return v; }
static inline sp_Value sp_objv(void *o) { sp_Value v = sp_mk(SP_OBJ); v.u.o = (sp_Obj *)o; return v; }
#define SP_NONEV sp_mk(SP_NONE)
#define SP_NULLV sp_mk(SP_NULL)
#define SP_ERRV sp_mk(SP_ERR)
#define SP_TRUEV sp_bool(true)
#define SP_FALSEV sp_bool(false)

#define sp_isnull(v) ((v).tag == SP_NULL)
#define sp_iserr(v) ((v).tag == SP_ERR)
#define sp_isnone(v) ((v).tag == SP_NONE)
#define sp_isint(v) ((v).tag == SP_INT) /* small int only; see sp_isintlike */
#define sp_isfloat(v) ((v).tag == SP_FLOAT)
#define sp_isbool(v) ((v).tag == SP_BOOL)
#define sp_isobj(v) ((v).tag == SP_OBJ)
#define SP_O(v) ((v).u.o)
#define SP_AS(T, v) ((T *)(v).u.o)

/* ------------------------------------------------------------------ objects */

enum { SP_GC_MARK = 1u, SP_GC_STATIC = 2u };

/* Header of every heap object.  size is the allocation size (for sized
 * free); gcnext links all live objects of a VM for the sweep. */
struct sp_Obj {
    sp_Type *type;
    sp_Obj *gcnext;
    size_t size;
    uint32_t gcflags;
    uint32_t objflags; /* free for the type's own use */
};

#define SP_STATIC_HDR(tp) { (tp), NULL, 0, SP_GC_STATIC, 0 }

/* Native function signature (vectorcall style): args[0..nargs) are
 * positional; if kwnames is not NULL, args[nargs..nargs+kwnames->n) are the
 * keyword values named by kwnames (a tuple of str).  For methods args[0] is
 * self. */
typedef sp_Value (*sp_NativeFn)(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kwnames);

enum { SP_METH_STATIC = 1, SP_METH_CLASS = 2 };
typedef struct sp_MethodDef {
    const char *name;
    sp_NativeFn fn;
    uint32_t flags;
} sp_MethodDef;

typedef struct sp_GetSetDef {
    const char *name;
    sp_Value (*get)(sp_VM *vm, sp_Value self);
    bool (*set)(sp_VM *vm, sp_Value self, sp_Value v); /* v SP_NULL: delete; NULL fn: read-only */
} sp_GetSetDef;

/* Rich comparison ops (CPython's order). */
enum { SP_LT = 0, SP_LE, SP_EQ, SP_NE, SP_GT, SP_GE };

/* The result of rich comparison `op` given a three-way result c (<0, 0, >0). */
static inline sp_Value sp_cmp_result(int c, int op) {
    switch (op) {
    case SP_LT: return sp_bool(c < 0);
    case SP_LE: return sp_bool(c <= 0);
    case SP_EQ: return sp_bool(c == 0);
    case SP_NE: return sp_bool(c != 0);
    case SP_GT: return sp_bool(c > 0);
    default: return sp_bool(c >= 0);
    }
}

/* Binary ops.  In-place variants are op + SP_OP_INPLACE. */
enum {
    SP_OP_ADD = 0, SP_OP_SUB, SP_OP_MUL, SP_OP_MATMUL, SP_OP_TRUEDIV, SP_OP_FLOORDIV,
    SP_OP_MOD, SP_OP_POW, SP_OP_LSHIFT, SP_OP_RSHIFT, SP_OP_AND, SP_OP_OR, SP_OP_XOR,
    SP_OP_COUNT_,
    SP_OP_INPLACE = 16
};
/* Unary ops. */
enum { SP_UOP_NEG = 0, SP_UOP_POS, SP_UOP_INVERT, SP_UOP_ABS };

/* Type flags. */
enum {
    SP_TF_BASETYPE = 1,  /* may be subclassed by a class statement */
    SP_TF_HEAPTYPE = 2,  /* a user-defined class (heap allocated) */
    SP_TF_EXCEPTION = 4, /* BaseException or a subclass */
    SP_TF_UNHASHABLE = 8, /* hash() raises "unhashable type" */
    SP_TF_SEQUENCE = 16,  /* matches sequence patterns (CPython's Py_TPFLAGS_SEQUENCE), e.g. deque */
    SP_TF_MAPPING = 32,   /* matches mapping patterns (Py_TPFLAGS_MAPPING); dict needs no flag */
    SP_TF_DESCR = 64,     /* has a native "__get__" method: binds through it as a class attribute */
    SP_TF_BOX = 128,      /* a class deriving from int/float/str/bytes: instances are sp_Box */
    SP_TF_PYNAME = 256    /* a class CPython writes in Python (collections.Counter): messages use
                             the short name after the module, as for CPython's heap types */
};

/* A type object.  Builtin types are static and immutable; user classes
 * (issue 3) are heap types whose slots dispatch to dunder methods.  A NULL
 * slot means "not supported" and the generic protocol in sp_obj.c raises
 * CPython's TypeError.  Every slot follows the conventions at the top. */
struct sp_Type {
    sp_Obj h;
    const char *name;
    sp_Type *base;                /* single base chain for static types */
    uint32_t flags;               /* SP_TF_* */
    const sp_MethodDef *methods;  /* {NULL} terminated, may be NULL */
    const sp_GetSetDef *getsets;  /* {NULL} terminated, may be NULL */
    /* heap types only (issue 3) */
    sp_Value mro;                 /* tuple of types, SP_NULL for static types */
    sp_Dict *dict;                /* class namespace */
    sp_Value bases;               /* tuple */
    /* lifecycle */
    void (*traverse)(sp_VM *vm, sp_Obj *o);  /* sp_gc_markv() each child */
    /* Free owned buffers (sp_free), not o itself, and do nothing else:
     * freeing the interpreter skips finalizers (sp_pool.h: wholesale). */
    void (*finalize)(sp_VM *vm, sp_Obj *o);
    /* protocol */
    sp_Value (*new_)(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw);
    sp_Value (*call)(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw);
    sp_Value (*repr)(sp_VM *vm, sp_Value self);
    sp_Value (*str)(sp_VM *vm, sp_Value self);            /* NULL: use repr */
    bool (*hash)(sp_VM *vm, sp_Value self, int64_t *out);  /* NULL: identity hash */
    sp_Value (*richcmp)(sp_VM *vm, sp_Value a, sp_Value b, int op); /* may return NotImplemented */
    int (*truthy)(sp_VM *vm, sp_Value self);              /* NULL: len or True */
    int64_t (*len)(sp_VM *vm, sp_Value self);             /* -1 on error */
    sp_Value (*iter)(sp_VM *vm, sp_Value self);
    sp_Value (*next)(sp_VM *vm, sp_Value self);           /* SP_NULLV when exhausted */
    sp_Value (*getitem)(sp_VM *vm, sp_Value self, sp_Value key);
    bool (*setitem)(sp_VM *vm, sp_Value self, sp_Value key, sp_Value val); /* val SP_NULL: del */
    int (*contains)(sp_VM *vm, sp_Value self, sp_Value item);
    /* Called for both operands with the original order (as CPython's
     * nb_ slots): check both types, return NotImplemented if unsupported. */
    sp_Value (*binop)(sp_VM *vm, int op, sp_Value a, sp_Value b);
    sp_Value (*unop)(sp_VM *vm, int op, sp_Value a);
    /* Attribute hooks; NULL means the generic lookup in sp_obj.c (methods,
     * getsets, heap-type dicts).  getattr returns SP_NULLV when absent. */
    sp_Value (*getattr)(sp_VM *vm, sp_Value self, sp_Str *name);
    bool (*setattr)(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value val); /* val SP_NULL: del */
    /* format(value, spec); NULL: str(self) if spec is empty else TypeError */
    sp_Value (*format)(sp_VM *vm, sp_Value self, sp_Str *spec);
    /* Instance size when a class may extend the layout (dict: the struct
     * is private to sp_dict.c); 0 when not needed.  (sp_class.c) */
    size_t basicsize;
};

/* ---------------------------------------------------------- core objects */

/* 50 bytes before the data (allocated as offsetof(sp_Str, data) + len + 1),
 * so a str of up to 13 bytes takes one 64-byte block: strs are the most
 * numerous objects.  Lengths are 32-bit and sp_str_alloc refuses more than
 * SP_STR_MAX bytes (sp_conf.h), so the sum of two lengths cannot wrap;
 * add more than two in size_t. */
struct sp_Str {
    sp_Obj h;
    int64_t hash;      /* -1: not computed yet */
    uint32_t len;      /* bytes of UTF-8 */
    uint32_t clen;     /* code points */
    uint8_t ascii;     /* len == clen */
    uint8_t interned;
    char data[];       /* UTF-8, NUL terminated (not counted in len) */
};

typedef struct sp_Bytes {
    sp_Obj h;
    int64_t hash;
    size_t len;
    uint8_t data[]; /* NUL terminated (not counted) */
} sp_Bytes;

struct sp_Tuple {
    sp_Obj h;
    int64_t hash; /* -1: not computed */
    size_t n;
    sp_Value items[];
};

struct sp_List {
    sp_Obj h;
    size_t n, cap;
    sp_Value *items;
};

/* A native function or bound native method.  self is SP_NULL when unbound. */
typedef struct sp_CFunc {
    sp_Obj h;
    const char *name;
    sp_NativeFn fn;
    sp_Value self;
    const char *qualprefix; /* "str" for str.join, NULL for builtins */
} sp_CFunc;

/* A bound method of a Python function (VM) or anything callable. */
typedef struct sp_BoundMethod {
    sp_Obj h;
    sp_Value self;
    sp_Value func;
} sp_BoundMethod;

/* Exception instances (BaseException and subclasses). */
typedef struct sp_Exc {
    sp_Obj h;
    sp_Value args;       /* tuple */
    sp_Value cause;      /* SP_NULL or an exception */
    sp_Value context;    /* SP_NULL or an exception */
    bool suppress_context;
    sp_Obj *tb;          /* traceback chain (sp_vm.c owns its layout) */
    sp_Dict *dict;       /* extra attributes (value, name, user attrs) or NULL */
} sp_Exc;

typedef struct sp_Module {
    sp_Obj h;
    sp_Str *name;
    sp_Dict *dict;
} sp_Module;

/* --------------------------------------------------------- builtin types */
/* Defined static in the module that owns them. */
extern sp_Type sp_t_type, sp_t_object, sp_t_NoneType, sp_t_NotImplementedType,
    sp_t_ellipsis, sp_t_bool, sp_t_int, sp_t_float, sp_t_str, sp_t_bytes,
    sp_t_tuple, sp_t_list, sp_t_dict, sp_t_set, sp_t_frozenset, sp_t_range,
    sp_t_slice, sp_t_cfunc, sp_t_boundmethod, sp_t_module;

/* Exceptions (sp_exc.c).  The hierarchy is CPython's. */
#define SP_EXC_TYPES(X) \
    X(BaseException) X(SystemExit) X(KeyboardInterrupt) X(GeneratorExit) X(Exception) \
    X(StopIteration) X(StopAsyncIteration) X(ArithmeticError) X(FloatingPointError) \
    X(OverflowError) X(ZeroDivisionError) X(AssertionError) X(AttributeError) \
    X(BufferError) X(EOFError) X(ImportError) X(ModuleNotFoundError) X(LookupError) \
    X(IndexError) X(KeyError) X(MemoryError) X(NameError) X(UnboundLocalError) \
    X(OSError) X(TimeoutError) X(ReferenceError) X(RuntimeError) X(NotImplementedError) \
    X(RecursionError) X(SyntaxError) X(IndentationError) X(TabError) X(SystemError) \
    X(TypeError) X(ValueError) X(UnicodeError) X(UnicodeDecodeError) \
    X(UnicodeEncodeError) X(UnicodeTranslateError) X(Warning) X(UserWarning) \
    X(DeprecationWarning) X(PendingDeprecationWarning) X(SyntaxWarning) \
    X(RuntimeWarning) X(FutureWarning) X(ImportWarning) X(UnicodeWarning) \
    X(BytesWarning) X(ResourceWarning) X(EncodingWarning) X(ConnectionError) \
    X(BrokenPipeError) X(ConnectionAbortedError) X(ConnectionRefusedError) \
    X(ConnectionResetError) X(FileExistsError) X(FileNotFoundError) \
    X(InterruptedError) X(IsADirectoryError) X(NotADirectoryError) \
    X(PermissionError) X(ProcessLookupError) X(ChildProcessError) X(BlockingIOError)
#define SP_DECL_EXC(n) extern sp_Type sp_t_##n;
SP_EXC_TYPES(SP_DECL_EXC)
#undef SP_DECL_EXC

/* Static singletons. */
extern sp_Obj sp_NotImplemented_obj, sp_Ellipsis_obj;
extern sp_Tuple sp_empty_tuple;
#define SP_NOTIMPL sp_objv(&sp_NotImplemented_obj)
#define sp_isnotimpl(v) ((v).tag == SP_OBJ && (v).u.o == &sp_NotImplemented_obj)

/* ------------------------------------------------------------- the VM */

typedef void *(*sp_AllocFn)(void *ud, void *ptr, size_t oldsize, size_t newsize);
typedef void (*sp_WriteFn)(void *ud, int stream /* 1 stdout, 2 stderr */, const char *s, size_t n);

struct sp_Frame;
struct sp_Code;

enum { SP_HOST_SLOTS = 8 }; /* >= sp_api.h's H_NSLOTS */

struct sp_VM {
    /* memory (sp_mem.c) */
    sp_AllocFn alloc;
    void *alloc_ud;
    size_t mem_used, mem_peak, mem_limit;   /* limit 0: none */
    uint64_t nallocs, alloc_limit;          /* limit 0: none */
    void *pool;                             /* small-block free lists (sp_pool.c) */
    /* gc (sp_gc.c) */
    sp_Obj *objects;
    size_t gc_debt, gc_threshold;
    sp_Obj **gray;
    size_t ngray, graycap;
    sp_Value *pins;
    size_t npins, pincap;
    int gc_paused;
    /* errors */
    sp_Value exc;            /* pending exception, SP_NULL if none */
    sp_Exc *memerr;          /* preallocated MemoryError */
    bool limit_hit;          /* a limit fired: the run ends, uncatchable */
    /* C recursion guard */
    int cdepth, cdepth_max;
    const char *cstack_base;
    size_t cstack_budget;
    /* limits */
    int pydepth, pydepth_max;
    double deadline;             /* absolute monotonic seconds, 0: none */
    uint64_t instr_limit, instr_count;
    _Atomic int interrupt;       /* set by sandpy_interrupt from any thread (a plain
                                  * volatile int is a data race in C11: TSan says so) */
    uint64_t poll_mark;          /* instr_count at the last full poll (sp_err.c) */
    uint32_t cwork;              /* C-loop polls since then (sp_err.c) */
    /* strings: the intern table (sp_str.c) */
    struct sp_Interned *interned;
    /* offset samples of big non-ASCII strs, weak (sp_stridx.c) */
    struct sp_StrIdx {
        const sp_Str *s;         /* NULL: free slot */
        uint32_t *offs;          /* byte offset of code point k * SP_STRIDX_STEP */
        uint32_t n;
    } stridx[SP_STRIDX_SLOTS];
    uint32_t stridx_next;        /* round-robin victim */
    /* containers being repr()'d right now, for "[...]" (sp_obj.c helpers) */
    sp_List *repr_active;
    /* values the host holds, GC roots (sp_api.h): the API's own slots, and
     * the handle arena, a list made at the first handle (NULL until then) */
    sp_Value host_slots[SP_HOST_SLOTS];
    sp_List *host;
    /* modules and globals */
    sp_Dict *modules;            /* name -> module, imported so far */
    sp_Dict *globals;            /* __main__ globals */
    /* host hooks */
    sp_WriteFn write;
    void *write_ud;
    void *userdata;
    /* wall clock for datetime.now()/today() (POSIX seconds, UTC); NULL: none,
     * and those functions raise */
    double (*clock)(void *ud);
    void *clock_ud;
    /* seed for random when the program gives none (import, Random(),
     * seed()); NULL: a fixed default (sp_random.c), never the OS */
    uint64_t (*random_seed)(void *ud);
    void *random_seed_ud;
    /* --- interpreter loop state (owned by sp_vm.c) --- */
    struct sp_Frame *frame;      /* innermost running frame */
    sp_Value *stack, *stack_top, *stack_end;
    void *exec;                  /* sp_vm.c private state */
    /* bumped whenever a class namespace changes: validates the per-class
     * attribute caches (sp_class.c) */
    uint64_t class_epoch;
    /* bumped when a dict flagged SP_DICT_WATCHED gains a key or is freed:
     * validates LOAD_GLOBAL's "not in these globals, so the builtin" memory */
    uint64_t gkeys_epoch;
};
/* sp_Obj.objflags bit of a dict (sp_dict.c honours it, sp_vm.c sets it). */
enum { SP_DICT_WATCHED = 0x40000000u };

/* A stable per-VM id for an object (id(), reprs "at 0x..."): never the
 * host address, so no pointer leaks to Python code.  (sp_func.c) */
uint64_t sp_obj_id(sp_VM *vm, sp_Obj *o);

/* ------------------------------------------------------------- memory */
void *sp_malloc(sp_VM *vm, size_t n);
void *sp_calloc(sp_VM *vm, size_t n);
void *sp_realloc(sp_VM *vm, void *p, size_t oldn, size_t newn);
void sp_free(sp_VM *vm, void *p, size_t n);
/* sp_malloc for a cache that can do without: NULL, raising nothing and
 * tripping no limit, unless the block fits at once with room to spare. */
void *sp_malloc_spare(sp_VM *vm, size_t n);
/* Zeroed object of `size` bytes (>= sizeof(sp_Obj)), linked for the GC. */
void *sp_newobj(sp_VM *vm, sp_Type *t, size_t size);
/* The same with only the sp_Obj header zeroed: for a type without traverse
 * or finalize whose constructor writes every field of the body. */
void *sp_newobj_raw(sp_VM *vm, sp_Type *t, size_t size);
/* Raise the preallocated MemoryError (marks the run as limit-stopped if a
 * limit fired).  Always returns NULL for convenience. */
void *sp_nomem(sp_VM *vm);
/* vm->mem_peak lags (sp_mem.c): call note_peak before mem_used drops
 * other than through sp_free/sp_realloc; read the peak with sp_mem_peak. */
void sp_mem_note_peak(sp_VM *vm);
size_t sp_mem_peak(const sp_VM *vm);
/* n * size with overflow and SP_MAX_ALLOC checks; false + MemoryError on
 * overflow.  Inline: size is nearly always a constant, so is the bound. */
static inline bool sp_size_mul(sp_VM *vm, size_t n, size_t size, size_t *out) {
    if (size && n > SP_MAX_ALLOC / size) return sp_nomem(vm), false;
    *out = n * size;
    return true;
}

/* Growable byte buffer.  All appends check limits; on failure they return
 * false with MemoryError pending and the buffer stays valid for sp_buf_free. */
typedef struct sp_Buf {
    char *p;
    size_t n, cap;
    sp_VM *vm;
} sp_Buf;
void sp_buf_init(sp_VM *vm, sp_Buf *b);
bool sp_buf_reserve(sp_Buf *b, size_t extra);
bool sp_buf_add(sp_Buf *b, const void *s, size_t n);
bool sp_buf_adds(sp_Buf *b, const char *s);
bool sp_buf_addc(sp_Buf *b, char c);
bool sp_buf_addcp(sp_Buf *b, uint32_t cp);          /* UTF-8 encode */
bool sp_buf_addf(sp_Buf *b, const char *fmt, ...);   /* C printf */
bool sp_buf_addv(sp_Buf *b, sp_Value v, bool repr);  /* str(v) / repr(v) */
sp_Value sp_buf_tostr(sp_Buf *b);                    /* consumes b; str value */
void sp_buf_free(sp_Buf *b);

/* Poll the time/instruction/interrupt limits from long C loops (sorting,
 * big-int math, regex, json).  Cheap: counts down and reads the clock only
 * every SP_POLL_INTERVAL calls.  false: TimeoutError/KeyboardInterrupt
 * pending (uncatchable). */
bool sp_check_limits(sp_VM *vm);
/* The same for n units of work at once (as n calls, but one test): the
 * parser polls once per 16 tokens. */
bool sp_check_limits_n(sp_VM *vm, unsigned n);
/* The same for one big step of C work (a move or scan of >= SP_POLL_BYTES):
 * it reads the clock at once, since sixteen such steps between reads can
 * overshoot a time limit by a tenth of a second. */
bool sp_check_limits_now(sp_VM *vm);
/* The interpreter loop adds the instructions it ran to vm->instr_count
 * before polling (always a full check); C loops just call sp_check_limits,
 * each call counting as one instruction. */
double sp_now(void); /* monotonic seconds */

/* repr of containers that may contain themselves: 1 = entered, 0 = already
 * being printed (print "[...]"/"{...}"), -1 = error.  Pair with sp_repr_leave. */
int sp_repr_enter(sp_VM *vm, sp_Obj *o);
void sp_repr_leave(sp_VM *vm, sp_Obj *o);

/* ------------------------------------------------------------- GC */
void sp_gc_markv(sp_VM *vm, sp_Value v);
void sp_gc_marko(sp_VM *vm, sp_Obj *o);
void sp_gc_collect(sp_VM *vm);
void sp_gc_maybe(sp_VM *vm);   /* only at safe points */
/* A snapshot was loaded over a heap of used_before bytes: what it made is
 * live, and it orphaned at most the old heap, so that caps the debt (a
 * fresh interpreter does not mark what it has just loaded).  Then
 * sp_gc_maybe. */
void sp_gc_after_load(sp_VM *vm, size_t used_before);
bool sp_pin(sp_VM *vm, sp_Value v);  /* false: MemoryError */
void sp_unpin(sp_VM *vm, size_t n);
void sp_gc_freeall(sp_VM *vm);    /* teardown */
void sp_vm_mark_roots(sp_VM *vm); /* sp_vm.c: frames and value stack */

/* ---------------------------------------------------- errors (sp_err.c) */
/* Format like printf, plus: %S str(value), %R repr(value), %T type name of a
 * value, %A the same but "None" for None (Argument Clinic's "must be str,
 * not None"), %N name of an sp_Type*, %U an sp_Str*.  Returns SP_ERRV. */
sp_Value sp_raise(sp_VM *vm, sp_Type *t, const char *fmt, ...);
sp_Value sp_raisev(sp_VM *vm, sp_Value exc);     /* raise an instance or class */
sp_Value sp_raise_args(sp_VM *vm, sp_Type *t, sp_Value args_tuple);
sp_Value sp_fmt(sp_VM *vm, const char *fmt, ...); /* same format -> str value */
sp_Value sp_vfmt(sp_VM *vm, const char *fmt, va_list ap);
bool sp_err_occurred(sp_VM *vm);
bool sp_err_matches(sp_VM *vm, sp_Type *t);      /* pending exc isinstance t */
void sp_err_clear(sp_VM *vm);
sp_Value sp_err_fetch(sp_VM *vm);                /* take the pending exc */

/* ------------------------------------------ exceptions (sp_exc.c) */
sp_Value sp_exc_new(sp_VM *vm, sp_Type *t, sp_Value args_tuple);
sp_Value sp_exc_str(sp_VM *vm, sp_Value exc);    /* str(exc) as CPython */
/* Record .name (and .obj unless SP_NULL) on the pending AttributeError or
 * NameError, unless it has them already (CPython's
 * set_attribute_error_context): the traceback's "Did you mean" uses them.
 * Best effort: the pending exception is kept whatever happens. */
void sp_exc_set_name_obj(sp_VM *vm, sp_Str *name, sp_Value obj);
bool sp_isexc_type(sp_Type *t);

/* ---------------------------------------------- C recursion guard */
bool sp_enter_slow(sp_VM *vm);
#define SP_ENTER(vm) (((vm)->cdepth++ < (vm)->cdepth_max && sp_cstack_ok(vm)) || sp_enter_slow(vm))
#define SP_LEAVE(vm) ((vm)->cdepth--)
/* Re-entry from the object protocol (repr, compare, call...): like CPython,
 * it shares one budget with Python call depth, so `repr` of a list nested
 * 2000 deep fails as CPython's does.  `what` completes the message
 * ("maximum recursion depth exceeded" + " while getting the repr of an object"). */
bool sp_enter_fail(sp_VM *vm, const char *what);
#define SP_ENTER_PY(vm, what)                                                               \
    (((vm)->cdepth++ < (vm)->cdepth_max && (vm)->cdepth + (vm)->pydepth <= (vm)->pydepth_max && \
      sp_cstack_ok(vm)) ||                                                                  \
     sp_enter_fail(vm, what))
static inline bool sp_cstack_ok(sp_VM *vm) {
    char here;
    return !vm->cstack_base ||
           (size_t)(vm->cstack_base > &here ? vm->cstack_base - &here : &here - vm->cstack_base) <
               vm->cstack_budget;
}

/* ---------------------------------------------- object protocol (sp_obj.c) */
static inline sp_Type *sp_typeof(sp_Value v) {
    switch (v.tag) {
    case SP_OBJ: return v.u.o->type;
    case SP_INT: return &sp_t_int;
    case SP_FLOAT: return &sp_t_float;
    case SP_BOOL: return &sp_t_bool;
    default: return &sp_t_NoneType;
    }
}
/* A type's name as CPython's messages show it (its tp_name). */
static inline const char *sp_type_msgname(const sp_Type *t) {
    const char *dot = (t->flags & SP_TF_PYNAME) ? strrchr(t->name, '.') : NULL;
    return dot ? dot + 1 : t->name;
}
#define sp_typename(v) sp_type_msgname(sp_typeof(v))

/* An instance of a class deriving from int, float, str or bytes: the
 * builtin value it stands for, plus its __dict__ (sp_subclass.c).  Builtin
 * code never sees a box where it expects the value: slots, methods and the
 * conversion funnels (sp_index, sp_as_double...) unwrap it with sp_unbox. */
typedef struct sp_Box {
    sp_Obj h;
    sp_Dict *dict;
    sp_Value val;
} sp_Box;
static inline bool sp_isbox(sp_Value v) { return v.tag == SP_OBJ && (v.u.o->type->flags & SP_TF_BOX); }
static inline sp_Value sp_unbox(sp_Value v) { return sp_isbox(v) ? ((sp_Box *)v.u.o)->val : v; }
/* Bytes for an instance of t whose builtin layout needs `size`: a class
 * deriving from a builtin container (tuple, set...) keeps its __dict__
 * pointer at the end of the allocation. */
static inline size_t sp_inst_size(sp_Type *t, size_t size) {
    return (t->flags & SP_TF_HEAPTYPE) ? ((size + 7) & ~(size_t)7) + sizeof(void *) : size;
}
static inline bool sp_istype(sp_Value v, sp_Type *t) { return v.tag == SP_OBJ && v.u.o->type == t; }
bool sp_issubtype(sp_Type *t, sp_Type *base);
static inline bool sp_isinst(sp_Value v, sp_Type *t) { return sp_issubtype(sp_typeof(v), t); }
#define sp_isstr(v) sp_istype(v, &sp_t_str)
#define sp_istuple(v) sp_istype(v, &sp_t_tuple)
#define sp_islist(v) sp_istype(v, &sp_t_list)
#define sp_isdict(v) sp_istype(v, &sp_t_dict)

sp_Value sp_repr(sp_VM *vm, sp_Value v);
sp_Value sp_str(sp_VM *vm, sp_Value v);
sp_Value sp_ascii(sp_VM *vm, sp_Value v);
sp_Value sp_format(sp_VM *vm, sp_Value v, sp_Str *spec);
bool sp_hash(sp_VM *vm, sp_Value v, int64_t *out);
sp_Value sp_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op);
int sp_eq(sp_VM *vm, sp_Value a, sp_Value b);  /* identity shortcut, like CPython containers */
int sp_lt(sp_VM *vm, sp_Value a, sp_Value b);
bool sp_is(sp_Value a, sp_Value b);
int sp_truthy(sp_VM *vm, sp_Value v);
int64_t sp_len(sp_VM *vm, sp_Value v);
sp_Value sp_iter(sp_VM *vm, sp_Value v);
sp_Value sp_next(sp_VM *vm, sp_Value it);      /* SP_NULLV at the end */
sp_Value sp_getitem(sp_VM *vm, sp_Value o, sp_Value k);
bool sp_setitem(sp_VM *vm, sp_Value o, sp_Value k, sp_Value v);
bool sp_delitem(sp_VM *vm, sp_Value o, sp_Value k);
int sp_contains(sp_VM *vm, sp_Value container, sp_Value item);
sp_Value sp_binop(sp_VM *vm, int op, sp_Value a, sp_Value b);
sp_Value sp_unop(sp_VM *vm, int op, sp_Value a);
sp_Value sp_call(sp_VM *vm, sp_Value f, sp_Value *args, int nargs, sp_Tuple *kwnames);
sp_Value sp_call0(sp_VM *vm, sp_Value f);
sp_Value sp_call1(sp_VM *vm, sp_Value f, sp_Value a);
sp_Value sp_call2(sp_VM *vm, sp_Value f, sp_Value a, sp_Value b);
sp_Value sp_getattr(sp_VM *vm, sp_Value o, sp_Str *name);      /* raises AttributeError */
sp_Value sp_getattr_opt(sp_VM *vm, sp_Value o, sp_Str *name);  /* SP_NULLV if absent */
sp_Value sp_getattrs(sp_VM *vm, sp_Value o, const char *name);
bool sp_setattr(sp_VM *vm, sp_Value o, sp_Str *name, sp_Value v);
/* Attribute through the type (methods table, getsets, heap dict); binds
 * methods to self.  SP_NULLV if absent. */
sp_Value sp_generic_getattr(sp_VM *vm, sp_Value self, sp_Str *name);
/* Look a name up on a type only (no binding). SP_NULLV if absent. */
sp_Value sp_type_lookup(sp_VM *vm, sp_Type *t, sp_Str *name);
/* The method def for `name` on t or its bases (static types): lets the VM
 * call a method without allocating a bound object. */
const sp_MethodDef *sp_find_method(sp_Type *t, sp_Str *name);
sp_Value sp_cfunc_new(sp_VM *vm, const char *name, sp_NativeFn fn, sp_Value self, const char *qualprefix);
const char *sp_binop_symbol(int op);   /* "+", "//=", ... */
/* Iterate any iterable into a new list / tuple. */
sp_Value sp_list_from_iter(sp_VM *vm, sp_Value iterable);
sp_Value sp_tuple_from_iter(sp_VM *vm, sp_Value iterable);

/* Argument parsing for natives.  spec: names separated by '|' marks the
 * start of optional ones, '$' the start of keyword-only ones, e.g.
 * "iterable|$key,reverse" or "x|base".  Outputs are SP_NULLV when not
 * given.  Raises CPython's TypeError messages (missing, too many,
 * unexpected keyword, multiple values) using fname; a leading '!' gives
 * those of a Python function (for natives of modules CPython writes in
 * Python). */
bool sp_parse_args(sp_VM *vm, const char *fname, sp_Value *args, int nargs, sp_Tuple *kw,
                   const char *spec, sp_Value *out);
bool sp_no_kwargs(sp_VM *vm, const char *fname, sp_Tuple *kw);
bool sp_check_nargs(sp_VM *vm, const char *fname, int nargs, int min, int max);

/* ------------------------------------------------------- str (sp_str.c) */
sp_Value sp_str_new(sp_VM *vm, const char *utf8, size_t nbytes);  /* valid UTF-8 */
/* A str from bytes already known to be valid (WTF-8) with clen code points. */
sp_Value sp_str_from(sp_VM *vm, const char *p, size_t n, size_t clen);
sp_Value sp_str_cstr(sp_VM *vm, const char *s);
sp_Value sp_str_filename(sp_VM *vm, const char *s); /* static for "<string>" & co (sp_str.c) */
sp_Str *sp_str_alloc(sp_VM *vm, size_t nbytes, size_t clen);       /* fill data, then done */
sp_Value sp_str_intern(sp_VM *vm, const char *s, size_t n);        /* per-VM interned */
sp_Value sp_str_intern_cstr(sp_VM *vm, const char *s);
void sp_str_mark_interned(sp_VM *vm);  /* GC roots */
void sp_str_free_interned(sp_VM *vm);  /* teardown, after the objects are gone */
void sp_stridx_sweep(sp_VM *vm);       /* GC: drop entries of unmarked strs */
void sp_stridx_free(sp_VM *vm);        /* teardown */
bool sp_str_eq(sp_Str *a, sp_Str *b);
int64_t sp_str_hash(sp_Str *s);
bool sp_str_eqc(sp_Str *s, const char *c); /* compare with a C string */
sp_Value sp_str_concat(sp_VM *vm, sp_Str *a, sp_Str *b);
sp_Value sp_str_repr(sp_VM *vm, sp_Str *s);
/* Decode one code point at byte offset *i, advancing *i. */
uint32_t sp_utf8_next(const char *s, size_t *i);
size_t sp_utf8_len(uint32_t cp);
/* Validate UTF-8; returns the code point count or -1 if invalid. */
int64_t sp_utf8_check(const char *s, size_t n);
#define SP_STR(v) ((sp_Str *)(v).u.o)

sp_Value sp_bytes_new(sp_VM *vm, const void *p, size_t n);
#define SP_BYTES(v) ((sp_Bytes *)(v).u.o)

/* --------------------------------------------- int (sp_int.c, sp_bigint.c) */
/* Canonical int from a bigint result etc. */
sp_Value sp_int_from_str(sp_VM *vm, const char *s, size_t n, int base); /* int(s, base) rules */
sp_Value sp_int_to_str(sp_VM *vm, sp_Value v, int base); /* base 10 honours the 4300 limit */
/* (bases 2/8/16 give bin()/oct()/hex() text: sign, then 0b/0o/0x prefix) */
sp_Value sp_int_from_double(sp_VM *vm, double d);        /* int(float) rules (errors for inf/nan) */
bool sp_int_to_double(sp_VM *vm, sp_Value v, double *out); /* OverflowError if too big */
bool sp_isintlike(sp_Value v);                              /* int, bool, bigint */
/* __index__ into int64 (IndexError "cannot fit 'int' into an index-sized
 * integer" for bigints, TypeError for non-ints using `what`). */
bool sp_index(sp_VM *vm, sp_Value v, int64_t *out);
/* operator.index(v): an int value of any size (bools become ints). */
sp_Value sp_index_value(sp_VM *vm, sp_Value v);
/* The int a class instance's __index__ gives; SP_NULLV if v has none. */
sp_Value sp_class_index(sp_VM *vm, sp_Value v);
/* Exact int conversion to int64; false + OverflowError if out of range. */
bool sp_int_to_i64(sp_VM *vm, sp_Value v, int64_t *out);
int64_t sp_hash_i64(int64_t i);
int64_t sp_hash_double(double d);
int sp_int_sign(sp_Value v); /* -1, 0, 1 for an int-like */
sp_Value sp_int_add(sp_VM *vm, sp_Value a, sp_Value b);
sp_Value sp_int_mul(sp_VM *vm, sp_Value a, sp_Value b);
/* Exact int <-> float comparison: -1, 0, 1 for i <, ==, > d; 2 if d is NaN. */
int sp_int_cmp_double(sp_VM *vm, sp_Value i, double d);
/* pow(a, b, m) with CPython's checks and messages (TypeError if not all ints). */
sp_Value sp_int_pow3(sp_VM *vm, sp_Value a, sp_Value b, sp_Value m);
/* divmod(a, b) for ints as a tuple; NotImplemented if either is not an int. */
sp_Value sp_int_divmod(sp_VM *vm, sp_Value a, sp_Value b);
extern sp_Type sp_t_bigint_; /* not visible to Python: type() reports int */
/* The number an int/float subclass instance boxes; v itself otherwise. */
static inline sp_Value sp_unbox_num(sp_Value v) {
    sp_Value u = sp_unbox(v);
    return u.tag == SP_INT || u.tag == SP_FLOAT || sp_istype(u, &sp_t_bigint_) ? u : v;
}

/* ------------------------------------------- float (sp_float.c, sp_fmt.c) */
/* Shortest round-trip repr, CPython style ("1e+16", "0.1", "inf", "nan"). */
size_t sp_double_repr(double d, char out[32]);
sp_Value sp_float_from_str(sp_VM *vm, const char *s, size_t n); /* float(s) rules */
/* [sign]digits[.digits][e[sign]digits] -> *out when exactly computable
 * without strtod (Clinger's fast path); false: use sp_float_from_str. */
bool sp_float_fast(const char *s, size_t n, double *out);
/* The format-spec mini-language for int/float/str (format(), f-strings). */
sp_Value sp_format_int(sp_VM *vm, sp_Value v, sp_Str *spec);
sp_Value sp_format_float(sp_VM *vm, double d, sp_Str *spec);
sp_Value sp_format_str(sp_VM *vm, sp_Str *s, sp_Str *spec);
/* str % args */
sp_Value sp_str_percent(sp_VM *vm, sp_Str *fmt, sp_Value args);
sp_Value sp_bytes_percent(sp_VM *vm, sp_Value fmt, sp_Value args); /* bytes % args */
/* str.format / str.format_map methods (args[0] is the format string). */
sp_Value sp_strmeth_format(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kwnames);
sp_Value sp_strmeth_format_map(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kwnames);

/* --------------------------- containers (sp_list.c, sp_tuple.c, sp_dict.c, ...) */
sp_Value sp_tuple_new(sp_VM *vm, size_t n);    /* items SP_NONE-initialised */
sp_Value sp_tuple_pack(sp_VM *vm, size_t n, const sp_Value *items);
sp_Value sp_list_new(sp_VM *vm, size_t n);     /* length n, items None */
sp_Value sp_list_with_cap(sp_VM *vm, size_t cap); /* length 0 */
sp_Value sp_list_of(sp_VM *vm, const sp_Value *v, size_t n); /* a copy of v[0..n) */
bool sp_list_append(sp_VM *vm, sp_List *l, sp_Value v);
bool sp_list_extend(sp_VM *vm, sp_List *l, sp_Value iterable);
bool sp_list_sort(sp_VM *vm, sp_List *l, sp_Value key, bool reverse);
#define SP_TUPLE(v) ((sp_Tuple *)(v).u.o)
#define SP_LIST(v) ((sp_List *)(v).u.o)

sp_Value sp_dict_new(sp_VM *vm);
sp_Value sp_dict_with_room(sp_VM *vm, size_t n); /* sized for n keys (a display) */
sp_Value sp_dict_new_globals(sp_VM *vm); /* {'__name__': '__main__'}, its first table in its block */
/* 1 found (*out set), 0 missing, -1 error */
int sp_dict_get(sp_VM *vm, sp_Dict *d, sp_Value key, sp_Value *out);
bool sp_dict_set(sp_VM *vm, sp_Dict *d, sp_Value key, sp_Value val);
int sp_dict_del(sp_VM *vm, sp_Dict *d, sp_Value key); /* 1 deleted, 0 missing, -1 err */
/* Fast paths for str keys (no user code can run): never raise. */
sp_Value sp_dict_gets(sp_Dict *d, sp_Str *key);       /* SP_NULLV if absent */
/* Entry hints for lookup caches: the entry index of key in d (-1 if
 * absent), and the value at entry ix if that entry's key is this very str
 * object (SP_NULLV otherwise: the hint is stale, look the key up). */
int64_t sp_dict_index_of(sp_Dict *d, sp_Str *key);
sp_Value sp_dict_at(sp_Dict *d, int64_t ix, sp_Str *key);
bool sp_dict_put_at(sp_Dict *d, int64_t ix, sp_Str *key, sp_Value val); /* false: stale hint */
bool sp_dict_sets(sp_VM *vm, sp_Dict *d, sp_Str *key, sp_Value val);
int64_t sp_dict_sets_at(sp_VM *vm, sp_Dict *d, sp_Str *key, sp_Value val); /* entry, -1 err */
size_t sp_dict_len(sp_Dict *d);
/* Iterate: start *pos at 0; returns false at the end. */
bool sp_dict_next(sp_Dict *d, size_t *pos, sp_Value *key, sp_Value *val);
#define SP_DICT(v) ((sp_Dict *)(v).u.o)

sp_Value sp_set_new(sp_VM *vm, sp_Type *t); /* set or frozenset, empty */
int sp_set_add(sp_VM *vm, sp_Value set, sp_Value key); /* 1 ok, -1 err */
int sp_set_contains(sp_VM *vm, sp_Value set, sp_Value key);
bool sp_set_next(sp_Value set, size_t *pos, sp_Value *key);
/* set |= iterable with CPython's table behaviour (SET_UPDATE, set(x)). */
bool sp_set_update(sp_VM *vm, sp_Value set, sp_Value iterable);
/* dict.update(other) semantics: a mapping or an iterable of pairs. */
bool sp_dict_update(sp_VM *vm, sp_Dict *d, sp_Value other);
/* for k in keysfn(): target[k] = m[k]; through target's __setitem__ when
 * generic, else target is a dict set directly. */
bool sp_update_from_keys(sp_VM *vm, sp_Value target, sp_Value m, sp_Value keysfn, bool generic);
/* Lazy iterator types (sp_iter.c) for the builtins enumerate, zip, map,
 * filter, reversed: call their new_ slot. */
extern sp_Type sp_t_enumerate, sp_t_zip, sp_t_map, sp_t_filter, sp_t_reversed;

/* slice.indices for a sequence of length len (CPython's PySlice_Unpack +
 * AdjustIndices).  Returns the slice length, -1 on error. */
int64_t sp_slice_indices(sp_VM *vm, sp_Value slice, int64_t len,
                         int64_t *start, int64_t *stop, int64_t *step);
sp_Value sp_slice_new(sp_VM *vm, sp_Value start, sp_Value stop, sp_Value step);
/* PySlice_AdjustIndices (None bounds already mapped to INT64_MIN/MAX). */
int64_t sp_slice_adjust(int64_t len, int64_t start, int64_t stop, int64_t step,
                        int64_t *startp, int64_t *stopp);
/* o[start:stop] and o[start:stop] = v without a slice object (BINARY_SLICE,
 * STORE_SLICE) for an exact str/list/tuple (list only for the store) with
 * int or None bounds: SP_NULLV / 0 when that does not apply, so the caller
 * takes the generic path (a subclass's __getitem__ gets a real slice). */
sp_Value sp_seq_slice(sp_VM *vm, sp_Value o, sp_Value start, sp_Value stop);
int sp_list_store_slice(sp_VM *vm, sp_Value o, sp_Value start, sp_Value stop, sp_Value v);
/* s[start:stop] of a str for int bounds (None as INT64_MIN/MAX), unadjusted. */
sp_Value sp_str_slice1(sp_VM *vm, sp_Value self, int64_t start, int64_t stop);
/* Builtin iterator types (sp_iter.c), bound to their builtin names. */
extern sp_Type sp_t_enumerate, sp_t_zip, sp_t_map, sp_t_filter, sp_t_reversed;

/* ------------------------------------------------- modules (sp_modules.c) */
/* import name: returns a module or raises ModuleNotFoundError. */
sp_Value sp_import(sp_VM *vm, sp_Str *name);
sp_Value sp_module_new(sp_VM *vm, const char *name);
/* Native modules: an init function fills a new module's dict; the table of
 * importable names is in sp_modules.c. */
typedef bool (*sp_ModuleInit)(sp_VM *vm, sp_Module *m);
bool sp_module_add(sp_VM *vm, sp_Module *m, const char *name, sp_Value v);
/* Adds defs as native functions (self unbound, no qualprefix). */
bool sp_module_add_funcs(sp_VM *vm, sp_Module *m, const sp_MethodDef *defs);
bool sp_json_init(sp_VM *vm, sp_Module *m);   /* sp_json.c */
bool sp_re_init(sp_VM *vm, sp_Module *m);     /* sp_re.c */
bool sp_typing_init(sp_VM *vm, sp_Module *m); /* sp_typing.c */
bool sp_math_init(sp_VM *vm, sp_Module *m);      /* sp_math.c */
bool sp_itertools_init(sp_VM *vm, sp_Module *m); /* sp_itertools.c */
bool sp_functools_init(sp_VM *vm, sp_Module *m); /* sp_functools.c */
bool sp_operator_init(sp_VM *vm, sp_Module *m);  /* sp_operator.c */
bool sp_copy_init(sp_VM *vm, sp_Module *m);      /* sp_copy.c */
bool sp_string_init(sp_VM *vm, sp_Module *m);    /* sp_string.c */
bool sp_base64_init(sp_VM *vm, sp_Module *m);    /* sp_base64.c */
bool sp_binascii_init(sp_VM *vm, sp_Module *m);  /* sp_base64.c */
/* PyFloat_AsDouble: float, int, __float__ or __index__; else TypeError
 * "must be real number, not T".  (sp_math.c) */
bool sp_as_double(sp_VM *vm, sp_Value v, double *out);
bool sp_collections_init(sp_VM *vm, sp_Module *m); /* sp_collections.c */
bool sp_datetime_init(sp_VM *vm, sp_Module *m);    /* sp_datetime.c */
bool sp_statistics_init(sp_VM *vm, sp_Module *m);  /* sp_statistics.c */
bool sp_textwrap_init(sp_VM *vm, sp_Module *m);    /* sp_textwrap.c */
bool sp_heapq_init(sp_VM *vm, sp_Module *m);       /* sp_heapq.c */
bool sp_bisect_init(sp_VM *vm, sp_Module *m);      /* sp_bisect.c */
bool sp_random_init(sp_VM *vm, sp_Module *m);      /* sp_random.c */
bool sp_hashlib_init(sp_VM *vm, sp_Module *m);     /* sp_hashlib.c */
/* bisect_right(a, x, lo, hi) without key; -1 on error.  (sp_bisect.c) */
int64_t sp_bisect_right(sp_VM *vm, sp_Value a, sp_Value x, int64_t lo, int64_t hi);
/* Builtins: lookup of a builtin name (print, len, ValueError...). */
sp_Value sp_builtin_lookup(sp_VM *vm, sp_Str *name); /* SP_NULLV if none */
/* After sp_next found a generator exhausted: its return value, reported
 * once (None otherwise); builtin next() raises StopIteration(value). (sp_gen.c) */
sp_Value sp_gen_return_value(sp_Value it);
/* Write text to the host (print). */
void sp_write(sp_VM *vm, int stream, const char *s, size_t n);

/* json (sp_json.c) */
sp_Value sp_json_loads(sp_VM *vm, const char *s, size_t n);
/* json.dumps with defaults (the CLI --json output). */
sp_Value sp_json_dumps(sp_VM *vm, sp_Value v);


/* ------------------------------------- compile and run (sp_compile.c, sp_vm.c) */
/* Source -> module code object; SyntaxError pending on failure.  mode 0:
 * a module whose run result is the value of its last expression statement. */
sp_Value sp_compile(sp_VM *vm, const char *src, size_t n, const char *filename);
/* The two compilers sp_compile tries in turn: the quick one (sp_qc.c: the
 * code object, or SP_NULLV with nothing raised when it does not take the
 * program) and the one for the whole language (sp_compile.c). */
sp_Value sp_qc_compile(sp_VM *vm, const char *src, size_t n, const char *filename);
sp_Value sp_compile_ast(sp_VM *vm, const char *src, size_t n, const char *filename);
/* A SyntaxError instance with CPython's args (msg, (filename, lineno,
 * offset, text, end_lineno, end_offset)); line 1-based, col 1-based
 * character offset (0: none), text None.  Implemented in sp_parse.c.
 * Returns the exception (not raised); SP_ERRV on MemoryError. */
sp_Value sp_syntax_error(sp_VM *vm, const char *filename, int line, int col, const char *msg);
/* Same, with text taken from the source line, for positions as the AST
 * stores them (col/end_col 0-based UTF-8 byte offsets; converted to
 * CPython's 1-based character offsets). */
sp_Value sp_syntax_error_at(sp_VM *vm, const char *filename, const char *src, size_t n,
                            int line, int col, int end_line, int end_col, const char *msg);
/* Run a module code object in `globals`; returns the value of the last
 * expression statement, or None. */
sp_Value sp_run_code(sp_VM *vm, sp_Value code, sp_Dict *globals);
/* "Traceback (most recent call last):\n ... ExcType: message\n" */
sp_Value sp_format_exc(sp_VM *vm, sp_Value exc);

/* ------------------------------------------------- VM lifecycle (sp_state.c) */
/* `extra` zeroed bytes for the embedder (the API's state) come in the
 * VM's own host block, at *extrap: gone with sp_vm_free, never counted. */
sp_VM *sp_vm_new(sp_AllocFn alloc, void *ud, size_t extra, void **extrap);
void sp_vm_free(sp_VM *vm);
/* sp_vm.c: free the interpreter loop's own buffers (value stack...) at
 * teardown, after every object has been finalized (checked builds only:
 * elsewhere the pool takes them back wholesale). */
void sp_vm_free_exec(sp_VM *vm);

#endif
