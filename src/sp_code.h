/* sp_code.h - instruction set, code objects, functions, cells, frames,
 * generators and traceback entries (the compiler/VM contract).
 *
 * Instructions are 32-bit words: opcode in the low 8 bits, argument in the
 * high 24 bits (SP_INSTR/SP_OPCODE/SP_OPARG).  There is no EXTENDED_ARG: an
 * argument above SP_MAX_OPARG is a compiler error ("code too large").
 * Jump targets are absolute instruction indexes.
 *
 * Stack effects use Forth notation "( before -- after )", rightmost = top of
 * stack (TOS).  The max value stack depth and block depth come from the
 * compiler, which tracks them while emitting (sp_code_seal), or for any
 * other code from sp_code_new's verifier.
 *
 * Local slot layout of a frame ("localsplus"):
 *   [0, nlocals)                      fast locals (varnames); the arguments come
 *                                     first: positional (incl. posonly), kw-only,
 *                                     then *args, then **kwargs, then other locals
 *   [nlocals, nlocals+ncells)         cells of cellvars
 *   [nlocals+ncells, ... + nfree)     cells of freevars (copied from the closure)
 * LOAD_DEREF & co take an index i in [0, ncells+nfree) ("cell index").
 * A parameter that is also a cellvar keeps its varnames slot AND gets a
 * cellvar of the same name: the VM copies the argument into the cell at
 * entry (sp_code_new finds the pairs by name).
 *
 * Exception handling uses a block stack (per frame, max depth computed):
 *   SETUP_FINALLY h pushes a handler block recording the stack depth L.
 *   When an exception is raised and the innermost block is a handler block:
 *   the block is popped, the stack is cut to L, the previously handled
 *   exception (vm "exc_info", None if none) and the new exception are pushed
 *   ( -- prev exc ), exc_info becomes exc, an EXCEPT_HANDLER block is pushed
 *   (recording L) and execution jumps to h.  POP_EXCEPT ( prev -- ) ends the
 *   handler: restores exc_info = prev and pops the EXCEPT_HANDLER block.  If
 *   an exception unwinds through an EXCEPT_HANDLER block the VM restores
 *   exc_info from slot L itself, so handlers need no cleanup code for that.
 * Typical shapes (L = stack depth at the try):
 *   try/except:  SETUP_FINALLY H; body; POP_BLOCK; else; JUMP END
 *            H:  (prev exc) COPY 1; <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE N
 *                STORE_FAST e | POP_TOP ; handler body ; POP_EXCEPT ; JUMP END
 *            N:  ... next clause ... ; RERAISE   (no clause matched)
 *                (`as e`: wrap the handler body in SETUP_FINALLY so that
 *                 "e = None; del e" runs on both paths, as CPython does)
 *   try/finally: SETUP_FINALLY H; body; POP_BLOCK; finally-body; JUMP END
 *            H:  (prev exc) finally-body; RERAISE
 *                (return/break/continue out of H: POP_TOP; POP_EXCEPT first)
 *   with:        <mgr>; BEFORE_WITH; SETUP_FINALLY H; STORE x|POP_TOP; body;
 *                POP_BLOCK; LOAD_CONST None x3; CALL 3; POP_TOP; JUMP END
 *            H:  (exit prev exc) WITH_EXCEPT_START; POP_JUMP_IF_TRUE S; RERAISE
 *            S:  POP_TOP; POP_EXCEPT; POP_TOP; JUMP END
 *   return inside try/with bodies: POP_BLOCK/POP_EXCEPT before RETURN_VALUE
 *   are NOT required (RETURN_VALUE discards blocks and restores exc_info),
 *   but finally bodies and with-exit calls must be emitted inline.
 *   break/continue out of a try body: POP_BLOCK for each handler block left
 *   (and the with exit call / finally body inline), as CPython's compiler.
 *
 * Generators: a code object with SP_CO_GENERATOR, when called, returns a
 * generator whose frame holds the bound arguments; no opcode is needed at
 * the start.  `yield from x`/`await`-like delegation:
 *   <x>; GET_YIELD_FROM_ITER; LOAD_CONST None; SEND_FROM   -> (result)
 * SEND_FROM loops internally (it suspends the frame on every value the
 * subiterator yields and re-executes itself when resumed).
 *
 * Comprehensions and generator expressions are nested functions as in
 * CPython 3.11: MAKE_FUNCTION; <iterable>; GET_ITER; CALL 1.  A list, set
 * or dict comprehension at module level whose body nests no scope is
 * inlined instead (CPython 3.12's PEP 709) with 3.11's observables kept:
 *   <iterable>; GET_ITER; COMP_ENTER k; <loops on its own fast slots>; COMP_EXIT
 * COMP_ENTER counts a Python frame (RecursionError where the call would
 * have raised) and pushes a comprehension block (handler -2 - its pc,
 * level: the collection's slot); an exception unwinding through it gets a
 * "<listcomp>" traceback entry, then the enclosing one on COMP_ENTER's
 * line (the call's), and the targets' slots are cleared, as by COMP_EXIT.
 * Nothing else is pushed on that block (no handler, return or yield in it).
 */
#ifndef SP_CODE_H
#define SP_CODE_H

#include "sp.h"

#define SP_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define SP_OPCODE(w) ((w) & 0xFFu)
#define SP_OPARG(w) ((w) >> 8)
#define SP_MAX_OPARG 0xFFFFFFu

typedef enum sp_Opcode {
    SP_NOP = 0,          /* ( -- ) */
    /* ---- stack manipulation */
    SP_POP_TOP,          /* ( a -- ) */
    SP_COPY,             /* arg i>=1: ( x .. -- x .. x ) push a copy of the i-th item (1 = TOS) */
    SP_SWAP,             /* arg i>=2: swap TOS with the i-th item */
    /* ---- constants and variables */
    SP_LOAD_CONST,       /* arg const index: ( -- consts[i] ) */
    SP_LOAD_FAST,        /* arg local index: ( -- v ); unbound -> UnboundLocalError */
    SP_STORE_FAST,       /* arg local index: ( v -- ) */
    SP_DELETE_FAST,      /* arg local index: ( -- ); unbound -> UnboundLocalError */
    SP_LOAD_DEREF,       /* arg cell index: ( -- cell contents ); empty -> UnboundLocalError/NameError (free) */
    SP_STORE_DEREF,      /* arg cell index: ( v -- ) */
    SP_DELETE_DEREF,     /* arg cell index: ( -- ) */
    SP_LOAD_CLOSURE,     /* arg cell index: ( -- cell ) the cell object itself, for MAKE_FUNCTION */
    SP_LOAD_CLASSDEREF,  /* arg cell index: ( -- v ) class body: locals dict first, then the cell */
    SP_LOAD_GLOBAL,      /* arg name index: ( -- v ) globals, then builtins; NameError */
    SP_STORE_GLOBAL,     /* arg name index: ( v -- ) */
    SP_DELETE_GLOBAL,    /* arg name index: ( -- ); NameError */
    SP_LOAD_NAME,        /* arg name index: ( -- v ) locals dict, globals, builtins (module/class bodies) */
    SP_STORE_NAME,       /* arg name index: ( v -- ) into the locals dict */
    SP_DELETE_NAME,      /* arg name index: ( -- ); NameError */
    /* ---- attributes and subscripts */
    SP_LOAD_ATTR,        /* arg name index: ( o -- o.name ) */
    SP_STORE_ATTR,       /* arg name index: ( v o -- ) o.name = v */
    SP_DELETE_ATTR,      /* arg name index: ( o -- ) */
    SP_LOAD_METHOD,      /* arg name index: ( o -- meth self ) or ( o -- attr NULL ); pair with CALL_METHOD*.
                            meth may be a static sp_MethodDef* carried in an SP_NULL-tagged value */
    SP_BINARY_SUBSCR,    /* ( o k -- o[k] ) */
    SP_STORE_SUBSCR,     /* ( v o k -- ) o[k] = v */
    SP_DELETE_SUBSCR,    /* ( o k -- ) */
    SP_BUILD_SLICE,      /* arg 2|3: ( start stop [step] -- slice ) */
    /* ---- operators */
    SP_BINARY_OP,        /* arg SP_OP_* (+SP_OP_INPLACE for augmented assignment): ( a b -- a op b ) */
    SP_UNARY_OP,         /* arg SP_UOP_NEG/POS/INVERT: ( a -- op a ) */
    SP_UNARY_NOT,        /* ( a -- not a ) */
    SP_COMPARE_OP,       /* arg SP_LT..SP_GE: ( a b -- a op b ) */
    SP_IS_OP,            /* arg 0 `is`, 1 `is not`: ( a b -- bool ) */
    SP_CONTAINS_OP,      /* arg 0 `in`, 1 `not in`: ( a b -- a in b ) */
    /* ---- jumps (arg = absolute target instruction index) */
    SP_JUMP,             /* ( -- ); a backward jump polls limits */
    SP_POP_JUMP_IF_FALSE, /* ( v -- ) */
    SP_POP_JUMP_IF_TRUE,  /* ( v -- ) */
    SP_JUMP_IF_FALSE_OR_POP, /* ( v -- v ) if false and jump, else ( v -- ) */
    SP_JUMP_IF_TRUE_OR_POP,  /* ( v -- v ) if true and jump, else ( v -- ) */
    /* ---- iteration */
    SP_GET_ITER,         /* ( o -- iter(o) ) */
    SP_FOR_ITER,         /* arg exit target: ( it -- it next ) or, exhausted, ( it -- ) and jump */
    /* ---- building */
    SP_BUILD_TUPLE,      /* arg n: ( a1..an -- tuple ) */
    SP_BUILD_LIST,       /* arg n: ( a1..an -- list ) */
    SP_BUILD_SET,        /* arg n: ( a1..an -- set ) */
    SP_BUILD_MAP,        /* arg n: ( k1 v1 .. kn vn -- dict ) */
    SP_BUILD_STRING,     /* arg n: ( s1..sn -- s1+..+sn ) all str */
    SP_LIST_APPEND,      /* arg i: ( list .. v -- list .. ) list is the i-th item after popping v */
    SP_SET_ADD,          /* arg i: ( set .. v -- set .. ) */
    SP_MAP_ADD,          /* arg i: ( dict .. k v -- dict .. ) dict is the i-th item after popping k v */
    SP_LIST_EXTEND,      /* arg i: ( list .. it -- list .. ); "Value after * must be an iterable, not T" */
    SP_SET_UPDATE,       /* arg i: ( set .. it -- set .. ) */
    SP_DICT_UPDATE,      /* arg i: ( dict .. m -- dict .. ) {**m}; "'T' object is not a mapping" */
    SP_DICT_MERGE,       /* arg i: ( f .. dict .. m -- f .. dict .. ) f(**m): dict is the i-th item after popping m,
                            the callable is the (i+2)-th; "f() got multiple values for keyword argument 'a'" */
    SP_LIST_TO_TUPLE,    /* ( list -- tuple ) */
    SP_FORMAT_VALUE,     /* arg flags: (flags&3) conversion 0 none 1 !s 2 !r 3 !a; flags&4: spec on stack:
                            ( v [spec] -- str ) */
    /* ---- unpacking */
    SP_UNPACK_SEQUENCE,  /* arg n: ( seq -- an .. a1 ) a1 ends on top (store order) */
    SP_UNPACK_EX,        /* arg before | after<<8: ( seq -- after_items.. list before_items.. ) a1 on top */
    /* ---- calls */
    SP_CALL,             /* arg n: ( f a1..an -- result ) */
    SP_CALL_KW,          /* arg n (all args): ( f a1..an kwnames -- result ); the last len(kwnames) args
                            are keyword values; kwnames is a tuple constant of str */
    SP_CALL_METHOD,      /* arg n: ( meth self a1..an -- result ); self NULL: call meth(a1..an) */
    SP_CALL_METHOD_KW,   /* arg n: ( meth self a1..an kwnames -- result ) */
    SP_CALL_EX,          /* arg flags: ( f args [kwargs] -- result ); args any iterable (tuple/list fast),
                            flags&1: kwargs dict present */
    SP_MAKE_FUNCTION,    /* arg flags: ( [defaults] [kwdefaults] [closure] code -- func ):
                            1 defaults tuple, 2 kwdefaults dict, 8 closure tuple of cells (4 unused) */
    SP_RETURN_VALUE,     /* ( v -- ) return v from the frame */
    SP_LOAD_BUILD_CLASS, /* ( -- __build_class__ ) reserved for issue 3 */
    /* ---- exceptions (see the top comment) */
    SP_SETUP_FINALLY,    /* arg handler target: ( -- ) push a handler block */
    SP_POP_BLOCK,        /* ( -- ) pop the innermost handler block (normal exit of a try body) */
    SP_POP_EXCEPT,       /* ( prev -- ) end of a handler: restore exc_info, pop the EXCEPT_HANDLER block */
    SP_RAISE_VARARGS,    /* arg 0: re-raise exc_info; 1: ( exc -- ) raise exc; 2: ( exc cause -- ) raise exc from cause */
    SP_RERAISE,          /* ( exc -- ) re-raise without a new traceback entry (end of finally / no match) */
    SP_CHECK_EXC_MATCH,  /* ( exc type -- exc bool ) isinstance check; type may be a tuple; TypeError
                            "catching classes that do not inherit from BaseException is not allowed" */
    SP_BEFORE_WITH,      /* ( mgr -- exit enter_result ) exit is the bound __exit__ */
    SP_WITH_EXCEPT_START, /* ( exit prev exc -- exit prev exc res ) res = exit(type(exc), exc, None) */
    SP_LOAD_ASSERTION_ERROR, /* ( -- AssertionError ) */
    /* ---- generators */
    SP_YIELD_VALUE,      /* ( v -- sent ) suspend yielding v; resumes with the sent value pushed */
    SP_GET_YIELD_FROM_ITER, /* ( o -- iter ) iter(o), generators unchanged */
    SP_SEND_FROM,        /* ( recv v -- r ) yield from: sends v to recv; while recv yields, the frame suspends
                            yielding the same values (re-executing SEND_FROM when resumed); r is recv's
                            return value (StopIteration.value) */
    /* ---- modules */
    SP_IMPORT_NAME,      /* arg name index (dotted name): ( -- module ) sp_import */
    SP_IMPORT_FROM,      /* arg name index: ( module -- module attr ); ImportError "cannot import name" */
    SP_IMPORT_STAR,      /* ( module -- ) copy public names into the locals dict */
    /* ---- module result */
    SP_SET_RESULT,       /* ( v -- ) remember v as the frame's result (module: last expression statement) */
    SP_LOAD_RESULT,      /* ( -- result ) the remembered result, None if never set */
    /* ---- match statement (CPython 3.11's shapes; helpers in sp_match.c) */
    SP_GET_LEN,          /* ( o -- o len(o) ) */
    SP_MATCH_SEQUENCE,   /* ( s -- s bool ) s matches sequence patterns: list, tuple, range, their
                            subclasses, SP_TF_SEQUENCE types (never str/bytes) */
    SP_MATCH_MAPPING,    /* ( s -- s bool ) s matches mapping patterns: dict, subclasses, SP_TF_MAPPING */
    SP_MATCH_KEYS,       /* ( s keys -- s keys vals ) keys a tuple; vals the tuple of s.get(k) for each key,
                            None if one is missing; ValueError "mapping pattern checks duplicate key (k)" */
    SP_MATCH_CLASS,      /* arg npos: ( s cls names -- attrs ) attrs: tuple of the npos attributes named
                            by cls.__match_args__ then those named by the str tuple names, or None if s is
                            not an instance of cls or lacks one of them */
    SP_ROT_N,            /* arg n>=2: ( x1 .. x(n-1) v -- v x1 .. x(n-1) ) move TOS down to depth n */
    /* ---- two-bound slices (CPython 3.12): BUILD_SLICE 2 + BINARY/STORE_SUBSCR without the
       slice object for a str/list/tuple and int/None bounds; anything else gets a real slice */
    SP_BINARY_SLICE,     /* ( o start stop -- o[start:stop] ) */
    SP_STORE_SLICE,      /* ( v o start stop -- ) o[start:stop] = v */
    /* ---- inlined comprehensions (see the top comment) */
    SP_COMP_ENTER,       /* arg SP_COMP_ARG(kind, first, n): ( it -- coll it ), coll an empty list/set/dict;
                            push a comprehension block; fast slots [first, first+n) are its targets */
    SP_COMP_EXIT,        /* ( -- ) pop the comprehension block, clear its slots */
    SP_NOPCODES_
} sp_Opcode;

/* COMP_ENTER's argument: the kind (0 list, 1 set, 2 dict: its traceback
 * entry's kind less one), the first target slot (< 2**16) and the count
 * (< 2**6). */
enum { SP_TB_FRAME = 0, SP_TB_LISTCOMP, SP_TB_SETCOMP, SP_TB_DICTCOMP };
enum { SP_COMP_MAXFIRST = 0xFFFF, SP_COMP_MAXN = 63 };
#define SP_COMP_ARG(kind, first, n) ((uint32_t)(kind) | (uint32_t)(n) << 2 | (uint32_t)(first) << 8)
#define SP_COMP_KIND(a) ((a) & 3u)
#define SP_COMP_N(a) ((a) >> 2 & 63u)
#define SP_COMP_FIRST(a) ((a) >> 8)
/* A comprehension block's handler field: -2 - the pc of its COMP_ENTER. */
#define SP_COMP_HANDLER(pc) (-2 - (int32_t)(pc))
#define SP_COMP_PC(h) ((uint32_t)(-2 - (h)))

/* Code flags. */
enum {
    SP_CO_VARARGS = 1,    /* has *args (slot after the kw-only args) */
    SP_CO_VARKW = 2,      /* has **kwargs (slot after *args if any) */
    SP_CO_GENERATOR = 4,  /* calling returns a generator */
    SP_CO_MODULE = 8,     /* module code: NAME ops use globals as locals */
    SP_CO_CLASS = 16,     /* class body: NAME ops use a fresh locals dict (issue 3) */
    SP_CO_HASDOC = 32     /* consts[0] is the docstring (functions) */
};

/* Code object.  Immutable after sp_code_new; a GC object (sp_t_code). */
typedef struct sp_Code {
    sp_Obj h;
    uint32_t *code;        /* ncode instruction words */
    uint32_t ncode;
    uint32_t nconsts, nnames;
    uint32_t nlocals, ncells, nfree; /* localsplus = nlocals + ncells + nfree */
    uint32_t nlinetab;     /* pairs in linetab */
    sp_Value *consts;
    sp_Str **names;        /* interned */
    sp_Str **localnames;   /* nlocals + ncells + nfree names, same order as localsplus */
    int32_t *cell2arg;     /* ncells entries: arg slot copied into the cell at entry, or -1; NULL if none */
    uint32_t *linetab;     /* (first instruction, line) pairs, increasing */
    int argcount;          /* positional parameters including positional-only */
    int posonlyargcount;
    int kwonlyargcount;
    uint32_t flags;        /* SP_CO_* */
    int firstline;
    int stacksize;         /* computed max value stack depth */
    int maxblocks;         /* computed max block stack depth */
    int framesize;         /* value slots a frame needs (header + blocks + localsplus + stack) */
    int blockslots;        /* value slots of the block area (maxblocks, rounded up) */
    bool fastcall;         /* positional parameters only, no cells: the VM's inline call */
    sp_Str *name, *qualname, *filename;
    sp_Value source;       /* str: the whole source text (for traceback lines), or SP_NONE */
} sp_Code;

/* What sp_code_new builds a code object from (snapshots).  Everything is
 * copied: the caller keeps ownership of its arrays.  Names are str values. */
typedef struct sp_CodeSpec {
    const uint32_t *code;
    size_t ncode;
    const int32_t *lines;      /* ncode entries: source line of each instruction, or NULL: */
    const uint32_t *runs;      /* nruns (first instruction, line) pairs, as sp_Code.linetab */
    size_t nruns;
    const sp_Value *consts;
    size_t nconsts;
    const sp_Value *names;     /* for the NAME, GLOBAL, ATTR, METHOD and IMPORT ops */
    size_t nnames;
    const sp_Value *varnames;  /* fast locals, parameters first (see the layout above) */
    size_t nlocals;
    const sp_Value *cellvars;
    size_t ncells;
    const sp_Value *freevars;
    size_t nfree;
    int argcount, posonlyargcount, kwonlyargcount;
    uint32_t flags;
    int firstline;
    sp_Value name, qualname, filename, source; /* str (source may be SP_NONEV) */
} sp_CodeSpec;

extern sp_Type sp_t_code, sp_t_function, sp_t_cell, sp_t_generator, sp_t_tb_;

/* Checks everything in the spec, verifies the bytecode (arguments in
 * range, consistent stack depths at jump targets) and computes
 * stacksize/maxblocks.  SystemError on bad code. */
sp_Value sp_code_new(sp_VM *vm, const sp_CodeSpec *spec);

/* The compiler's way (sp_cg.c), without a spec's copies and checks: its
 * names are interned strs, its parameter counts and line table right by
 * construction.  sp_code_alloc lays out a code object of that shape
 * (SystemError "code too large" past the argument range) and sets the
 * counts, the arrays' places and name; the caller writes every array
 * (names and localnames interned) and the fields argcount to source, with
 * nothing that can fail in between; sp_code_seal interns identifier constants,
 * pairs cells with parameters and takes the depths the compiler tracked
 * (max value and block depth) or, if !depth_known, the verifier's.
 * -DSP_CHECK_DEPTH verifies compiled code too and fails on any
 * difference. */
typedef struct sp_CodeShape {
    size_t ncode, nruns, nconsts, nnames, nlocals, ncells, nfree;
} sp_CodeShape;
sp_Code *sp_code_alloc(sp_VM *vm, const sp_CodeShape *sh, sp_Str *name);
sp_Value sp_code_seal(sp_VM *vm, sp_Code *c, bool depth_known, int stacksize, int maxblocks);
int sp_code_line(const sp_Code *c, uint32_t pc); /* line of instruction pc */
/* Stack effect of one instruction: pops and pushes on the fall-through
 * path.  Jumps with a different depth on the taken path are handled by
 * the caller.  false if the argument is malformed.  Inline: the compiler
 * tracks depths on every emit, where a call and the stores through pop
 * and push cost as much as the switch. */
static inline bool sp_op_effect(uint32_t w, int *pop, int *push) {
    uint32_t a = SP_OPARG(w);
    int n = (int)a;
    *pop = 0, *push = 0;
    switch ((sp_Opcode)SP_OPCODE(w)) {
    case SP_NOP: case SP_JUMP: case SP_SETUP_FINALLY: case SP_POP_BLOCK: case SP_COMP_EXIT:
        return true;
    case SP_COMP_ENTER:
        *pop = 1, *push = 2;
        return SP_COMP_KIND(a) != 3;
    case SP_SWAP: case SP_CHECK_EXC_MATCH:
        return true; /* checked by the caller */
    case SP_POP_TOP: case SP_STORE_FAST: case SP_STORE_DEREF: case SP_STORE_GLOBAL:
    case SP_STORE_NAME: case SP_DELETE_ATTR: case SP_POP_JUMP_IF_FALSE: case SP_POP_JUMP_IF_TRUE:
    case SP_JUMP_IF_FALSE_OR_POP: case SP_JUMP_IF_TRUE_OR_POP: case SP_RETURN_VALUE:
    case SP_POP_EXCEPT: case SP_RERAISE: case SP_IMPORT_STAR: case SP_SET_RESULT:
    case SP_LIST_APPEND: case SP_SET_ADD: case SP_LIST_EXTEND: case SP_SET_UPDATE:
    case SP_DICT_UPDATE: case SP_DICT_MERGE:
        *pop = 1;
        return true;
    case SP_COPY: case SP_LOAD_CONST: case SP_LOAD_FAST: case SP_LOAD_DEREF: case SP_LOAD_CLOSURE:
    case SP_LOAD_CLASSDEREF: case SP_LOAD_GLOBAL: case SP_LOAD_NAME: case SP_LOAD_BUILD_CLASS:
    case SP_LOAD_ASSERTION_ERROR: case SP_IMPORT_NAME: case SP_LOAD_RESULT:
        *push = 1;
        return true;
    case SP_DELETE_FAST: case SP_DELETE_DEREF: case SP_DELETE_GLOBAL: case SP_DELETE_NAME:
        return true;
    case SP_LOAD_ATTR: case SP_UNARY_NOT: case SP_GET_ITER: case SP_LIST_TO_TUPLE:
    case SP_YIELD_VALUE: case SP_GET_YIELD_FROM_ITER:
        *pop = 1, *push = 1;
        return true;
    case SP_UNARY_OP:
        *pop = 1, *push = 1;
        return a <= SP_UOP_INVERT;
    case SP_STORE_ATTR: case SP_DELETE_SUBSCR: case SP_MAP_ADD:
        *pop = 2;
        return true;
    case SP_STORE_SUBSCR:
        *pop = 3;
        return true;
    case SP_STORE_SLICE:
        *pop = 4;
        return true;
    case SP_BINARY_SLICE:
        *pop = 3, *push = 1;
        return true;
    case SP_LOAD_METHOD: case SP_IMPORT_FROM: case SP_BEFORE_WITH: case SP_FOR_ITER:
        *pop = 1, *push = 2;
        return true;
    case SP_BINARY_SUBSCR: case SP_SEND_FROM:
        *pop = 2, *push = 1;
        return true;
    case SP_BINARY_OP:
        *pop = 2, *push = 1;
        return (a & 15) < SP_OP_COUNT_ && a < SP_OP_INPLACE * 2;
    case SP_COMPARE_OP:
        *pop = 2, *push = 1;
        return a <= SP_GE;
    case SP_IS_OP: case SP_CONTAINS_OP:
        *pop = 2, *push = 1;
        return a <= 1;
    case SP_BUILD_SLICE:
        *pop = n, *push = 1;
        return a == 2 || a == 3;
    case SP_BUILD_TUPLE: case SP_BUILD_LIST: case SP_BUILD_SET: case SP_BUILD_STRING:
        *pop = n, *push = 1;
        return true;
    case SP_BUILD_MAP:
        *pop = 2 * n, *push = 1;
        return a < SP_MAX_OPARG / 2;
    case SP_FORMAT_VALUE:
        *pop = (a & 4) ? 2 : 1, *push = 1;
        return a <= 7;
    case SP_UNPACK_SEQUENCE:
        *pop = 1, *push = n;
        return true;
    case SP_UNPACK_EX:
        *pop = 1, *push = (int)(a & 0xFF) + (int)(a >> 8) + 1;
        return true;
    case SP_CALL:
        *pop = n + 1, *push = 1;
        return true;
    case SP_CALL_KW: case SP_CALL_METHOD:
        *pop = n + 2, *push = 1;
        return true;
    case SP_CALL_METHOD_KW:
        *pop = n + 3, *push = 1;
        return true;
    case SP_CALL_EX:
        *pop = 2 + (int)(a & 1), *push = 1;
        return a <= 1;
    case SP_MAKE_FUNCTION:
        *pop = 1 + (a & 1) + ((a >> 1) & 1) + ((a >> 3) & 1), *push = 1;
        return (a & ~11u) == 0;
    case SP_RAISE_VARARGS:
        *pop = n;
        return a <= 2;
    case SP_WITH_EXCEPT_START:
        *pop = 0, *push = 1;
        return true;
    case SP_GET_LEN: case SP_MATCH_SEQUENCE: case SP_MATCH_MAPPING:
        *pop = 1, *push = 2;
        return true;
    case SP_MATCH_KEYS:
        *pop = 2, *push = 3;
        return true;
    case SP_MATCH_CLASS:
        *pop = 3, *push = 1;
        return true;
    case SP_ROT_N:
        return true; /* checked by the caller */
    case SP_NOPCODES_:
        break;
    }
    return false;
}

/* ------------------------------------------------------------ functions */

typedef struct sp_Cell {
    sp_Obj h;
    sp_Value v;            /* SP_NULL: empty */
} sp_Cell;

typedef struct sp_Func {
    sp_Obj h;
    sp_Code *code;
    sp_Dict *globals;
    sp_Str *name, *qualname;
    sp_Value defaults;     /* tuple or SP_NULL */
    sp_Value kwdefaults;   /* dict or SP_NULL */
    sp_Value closure;      /* tuple of cells or SP_NULL */
    sp_Value doc;          /* None or str */
    sp_Value module;       /* __module__ (globals' __name__) */
    sp_Dict *dict;         /* user attributes or NULL */
} sp_Func;

sp_Value sp_func_new(sp_VM *vm, sp_Code *code, sp_Dict *globals);
sp_Value sp_cell_new(sp_VM *vm, sp_Value v);

/* ------------------------------------------------------------ frames */

/* Handler blocks: handler >= 0 is a SETUP_FINALLY block, -1 EXCEPT_HANDLER. */
typedef struct sp_Block {
    int32_t handler;
    uint32_t level;        /* value stack depth (slots above the stack base) */
} sp_Block;

/* A frame lives either in the VM's data stack (plain calls: no allocation
 * per call) or inside its generator object.  Its layout is
 *   [sp_Frame][blocks: maxblocks][localsplus][value stack: stacksize]
 * All pointers are into that same region or to GC objects, so a paused run
 * can be serialized as offsets. */
typedef struct sp_Frame {
    struct sp_Frame *prev;   /* caller */
    sp_Code *code;
    sp_Func *func;           /* NULL for module code */
    sp_Dict *globals;
    sp_Dict *locals;         /* NAME ops: globals for modules, a dict for class bodies, else NULL */
    const uint32_t *ip;      /* next instruction (saved while not innermost) */
    sp_Value *sp;            /* stack top (saved while not innermost) */
    sp_Value *stack;         /* value stack base */
    struct sp_Gen *gen;      /* owning generator or NULL */
    sp_Value result;         /* SET_RESULT; SP_NULL if never set */
    int32_t nblocks;
    uint8_t retmode;         /* how the caller receives the result (sp_vm.c) */
    uint8_t pad_[3];
    sp_Value localsplus[];   /* after the blocks: see sp_frame_blocks */
} sp_Frame;

#define SP_FRAME_HDR_SLOTS ((sizeof(sp_Frame) + sizeof(sp_Value) - 1) / sizeof(sp_Value))
static inline sp_Block *sp_frame_blocks(sp_Frame *f) { return (sp_Block *)(f->localsplus); }
/* localsplus starts after maxblocks blocks, rounded to whole value slots */
static inline int sp_code_blockslots(const sp_Code *c) { return c->blockslots; }
static inline sp_Value *sp_frame_locals(sp_Frame *f) { return f->localsplus + sp_code_blockslots(f->code); }

/* ------------------------------------------------------------ generators */

enum { SP_GEN_CREATED = 0, SP_GEN_SUSPENDED, SP_GEN_RUNNING, SP_GEN_DONE };

typedef struct sp_Gen {
    sp_Obj h;
    sp_Str *name, *qualname;
    sp_Value exc_state;      /* the generator's handled exception while suspended (SP_NULL: none) */
    sp_Value retval;         /* return value seen by the next slot, for builtin next() */
    int state;               /* SP_GEN_* */
    int pad_;
    sp_Frame *frame;         /* points inside this object (after the header) */
} sp_Gen;


/* ------------------------------------------------------------ tracebacks */

/* One traceback entry; sp_Exc.tb points to the outermost one, next goes
 * towards the frame that raised (CPython's tb_next order). */
typedef struct sp_TB {
    sp_Obj h;
    struct sp_TB *next;
    sp_Code *code;
    int line;
    int kind;              /* SP_TB_FRAME: code's frame; else an inlined comprehension in it */
} sp_TB;

bool sp_tb_add(sp_VM *vm, sp_Value exc, sp_Code *code, int line, int kind);
/* The function name an entry shows: code's, or "<listcomp>" & co. */
sp_Str *sp_tb_name(const sp_TB *t);

/* ------------------------------------------------------------ VM internals */

/* Private interpreter state (vm->exec), created lazily by sp_exec. */
typedef struct sp_Chunk sp_Chunk;
typedef struct sp_IdEnt {
    sp_Obj *o;
    uint64_t id;
} sp_IdEnt;
/* LOAD_METHOD's memory of method lookups on static types (sp_vm.c):
 * 2-way sets, so the dozen methods of a hot loop rarely evict each other. */
enum { SP_MCACHE_BITS = 6 };
typedef struct sp_MCacheEnt {
    sp_Type *t;
    sp_Str *name;            /* interned: never freed, so never reused */
    const sp_MethodDef *m;   /* NULL: no such method */
} sp_MCacheEnt;

/* LOAD_GLOBAL's memory of builtin lookups by interned name (sp_vm.c). */
enum { SP_BCACHE_BITS = 6 };
typedef struct sp_BCacheEnt {
    sp_Str *name;
    sp_Value v;              /* a static builtin, or SP_NULL: none */
    /* name is not in the globals dict g (flagged SP_DICT_WATCHED) while
     * vm->gkeys_epoch == epoch: LOAD_GLOBAL takes v without a probe */
    const sp_Dict *g;
    uint64_t epoch;
} sp_BCacheEnt;

/* LOAD_GLOBAL's hints: where a name was last found in a globals dict. */
typedef struct sp_GCacheEnt {
    sp_Str *name;
    int64_t ix;              /* entry index, checked by sp_dict_at */
} sp_GCacheEnt;

typedef struct sp_Exec {
    sp_Chunk *chunk;         /* current data-stack chunk */
    sp_Value exc_info;       /* the exception being handled (SP_NULL: none) */
    int poll;                /* countdown to the next limit poll */
    sp_IdEnt *ids;           /* sp_obj_id: open addressing on the object address */
    size_t nids, idcap;
    uint64_t nextid;
    /* pausing (issue 5): set while a run is paused at an external call or
     * an unknown global name; see sp_vm_start */
    sp_Value pending;        /* (ext function or name str, args tuple, kwargs dict) */
    bool pause_names;        /* an unknown global name pauses instead of NameError */
    /* the lookup caches: allocated at the first full poll (sp_vm.c), so
     * a short snippet never pays for clearing them; NULL: look up directly */
    struct sp_Caches *caches;
} sp_Exec;
/* LOAD_ATTR/STORE_ATTR's per-site memory (sp_vm.c, one table each,
 * hashed on the instruction's address, two classes a site): `name` of an instance of class t
 * lives in its dict (the pointer at offset off), last at entry ix.  What
 * sp_class_dict_site vouched for while vm->class_epoch == epoch (a new
 * class bumps it, so t's address never stands for another class); it
 * does not depend on the site, which only spreads the entries. */
enum { SP_ACACHE_BITS = 7 };
typedef struct sp_ACacheEnt {
    sp_Str *name;
    sp_Type *t;
    uint64_t epoch;
    uint32_t off;
    int32_t ix;               /* checked by sp_dict_at / sp_dict_put_at */
} sp_ACacheEnt;

/* LOAD_METHOD's per-site memory for class instances (sp_vm.c): fn, a
 * Python function of class t, is o.name for an instance o whose dict (at
 * off, 0: none) lacks name, while vm->class_epoch == epoch. */
enum { SP_MSITE_BITS = 6 };
typedef struct sp_MSiteEnt {
    sp_Str *name;
    sp_Type *t;
    uint64_t epoch;
    sp_Value fn;              /* borrowed from t's namespace */
    uint32_t off;
} sp_MSiteEnt;

typedef struct sp_Caches {
    sp_MCacheEnt mcache[1 << SP_MCACHE_BITS][2];
    sp_BCacheEnt bcache[1 << SP_BCACHE_BITS];
    sp_GCacheEnt gcache[1 << SP_BCACHE_BITS];
    sp_ACacheEnt acache[2][1 << SP_ACACHE_BITS][2]; /* [0] loads, [1] stores; 2 ways */
    sp_MSiteEnt msite[1 << SP_MSITE_BITS][2]; /* 2 ways */
} sp_Caches;
sp_Exec *sp_exec(sp_VM *vm); /* NULL + MemoryError */

/* sp_vm.c */
/* Call a Python function from C (nested loop invocation). */
sp_Value sp_vm_call(sp_VM *vm, sp_Func *f, sp_Value *args, int nargs, sp_Tuple *kw);
/* Run a no-argument function's code with NAME ops on `locals` (class
 * bodies, issue 3: code flagged SP_CO_CLASS); returns its return value. */
sp_Value sp_vm_call_locals(sp_VM *vm, sp_Func *f, sp_Dict *locals);
enum { SP_RUN_ERROR = 0, SP_RUN_RETURN, SP_RUN_YIELD, SP_RUN_PAUSE };
/* Pausable runs (the embedding API).  A run started here may stop with
 * SP_RUN_PAUSE when its own loop (not a nested sp_vm_call) calls a pausing
 * sp_ExtFn or, with x->pause_names, misses a global name: x->pending then
 * describes the request and every frame stays on the data stack.
 * sp_vm_resume continues it: raise false pushes v as the call's result,
 * true raises the exception v at the call site.  sp_vm_abandon drops a
 * paused run's frames (a new run replaces it). */
int sp_vm_start(sp_VM *vm, sp_Code *c, sp_Dict *globals, sp_Value *out);
int sp_vm_resume(sp_VM *vm, sp_Value v, bool raise, sp_Value *out);
void sp_vm_abandon(sp_VM *vm);
bool sp_vm_paused(sp_VM *vm);

/* An external (host) function, known to Python code by name only, so a
 * snapshot refers to it by name (sp_api.c owns the type and the registry).
 * A pausing one called from a pausable run's loop pauses the run; called
 * any other way (from C: sorted key, map...) its call slot raises. */
typedef struct sp_ExtFn {
    sp_Obj h;
    sp_Str *name;
    uint32_t pausing;
    uint32_t idx;            /* registry slot of the host callback (sp_api.c) */
} sp_ExtFn;
extern sp_Type sp_t_extfn;
enum {
    SP_RESUME_SEND = 0, /* push `in` as the value of the pending yield */
    SP_RESUME_THROW,    /* raise `in` at the suspension point */
    SP_RESUME_SENDRET   /* the yield-from subiterator returned `in`: finish SEND_FROM with it */
};
/* Resume a created/suspended generator from C (the caller checked the
 * state).  *out is the yielded or returned value. */
int sp_gen_run(sp_VM *vm, sp_Gen *g, sp_Value in, int mode, sp_Value *out);
void sp_frame_mark(sp_VM *vm, sp_Frame *f);
/* Context chaining for an exception raised while exc_info is handled. */
void sp_exc_set_context(sp_VM *vm, sp_Value exc, bool force);

/* sp_func.c */
/* Fill a frame for calling f: header, arguments (CPython's TypeErrors),
 * cells and free variables.  The frame memory is code->framesize slots. */
bool sp_frame_init(sp_VM *vm, sp_Frame *fr, sp_Func *f, sp_Value *args, int nargs,
                   sp_Tuple *kw);
/* The header and unbound locals of a frame for c (inline: every call runs it). */
static inline void sp_frame_init_module(sp_Frame *fr, sp_Code *c, sp_Dict *globals,
                                        sp_Dict *locals) {
    fr->code = c;
    fr->func = NULL;
    fr->globals = globals;
    fr->locals = locals;
    fr->ip = c->code;
    fr->gen = NULL;
    fr->result = SP_NULLV;
    fr->nblocks = 0;
    fr->retmode = 0;
    sp_Value *L = sp_frame_locals(fr);
    size_t nlp = (size_t)c->nlocals + c->ncells + c->nfree;
    for (size_t i = 0; i < nlp; i++) L[i] = SP_NULLV;
    fr->stack = fr->sp = L + nlp;
}

/* Test hook: an opcode whose stack effect sp_compile.c's fast table gives
 * differently from sp_op_effect, or -1. */
int sp_compile_quick_mismatch(void);

/* Snapshots (sp_snap.c) rebuild paused runs with these. */
/* How a loaded frame paused at pc fits c, in one verifier pass: its depth
 * is the verifier's there less `below` (1 after a call, 0 in SEND_FROM)
 * and its block count the same (else BAD_STATE); its blocks are the
 * verifier's and only pending LOAD_METHOD pairs hold method defs or bare
 * NULLs (else BAD_STACK).  BAD_CODE: SystemError pending. (sp_func.c) */
enum { SP_FRAME_FITS, SP_FRAME_BAD_STATE, SP_FRAME_BAD_STACK, SP_FRAME_BAD_CODE };
int sp_code_frame_fits(sp_VM *vm, sp_Code *c, uint32_t pc, int below, const sp_Block *blocks, int nblocks,
                       const sp_Value *stack, int depth);
/* Loaded code, once its constants are complete: every keyword-call's
 * names are str (the verifier checked the rest of their shape). */
bool sp_code_check_kwnames(sp_VM *vm, sp_Code *c);
/* A data-stack frame for c (header from sp_frame_init_module), and
 * linking a frame as the new innermost one (pydepth counts it). (sp_vm.c) */
sp_Frame *sp_vm_push_frame(sp_VM *vm, sp_Code *c, sp_Dict *globals);
void sp_vm_link_frame(sp_VM *vm, sp_Frame *f);
/* A generator object with room for c's frame (c NULL: a finished one
 * without a frame), state SP_GEN_DONE until the caller fills it. (sp_gen.c) */
sp_Gen *sp_gen_alloc(sp_VM *vm, sp_Code *c);

/* sp_match.c: the MATCH_* opcodes' work (CPython's match_keys/match_class). */
bool sp_match_isseq(sp_Value v);
bool sp_match_ismap(sp_Value v);
sp_Value sp_match_keys(sp_VM *vm, sp_Value map, sp_Value keys);  /* tuple, None or SP_ERRV */
sp_Value sp_match_class(sp_VM *vm, sp_Value subj, sp_Value cls, uint32_t npos, sp_Value names);

/* sp_gen.c */
sp_Value sp_gen_new(sp_VM *vm, sp_Func *f, sp_Value *args, int nargs, sp_Tuple *kw);
/* PEP 479 and generator exit: called when a generator frame ends with an error. */
void sp_gen_fix_stopiteration(sp_VM *vm);
sp_Value sp_stopiter_value(sp_Value exc); /* StopIteration.value (None if none) */

#endif
