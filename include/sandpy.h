/* sandpy.h - the one public header of sandpy, an embeddable sandbox for a
 * subset of Python 3.11.  docs/embedding.md is the guided tour.
 *
 * OWNERSHIP RULE (the only one): the host never frees anything sandpy hands
 * out, except the interpreter (sandpy_free) and code handles it compiled
 * (sandpy_code_free, optional: they die with the interpreter).
 *  - Values (sandpy_value) and every string/byte pointer read from them or
 *    returned by the API stay valid until the next call that RUNS CODE on
 *    that interpreter (sandpy_start, sandpy_resume*, sandpy_exec,
 *    sandpy_feed, sandpy_run_json, sandpy_snapshot_load...) or until
 *    sandpy_values_reset.  Such a call first takes what it needs from the
 *    values passed to it, then invalidates every older value.
 *  - Inside a host callback, the argument values and values the callback
 *    creates live until the callback returns (its return value is kept).
 *  - A stale or foreign value is detected (the handle carries a
 *    generation): functions given one fail cleanly, never crash.
 *
 * ERRORS: functions returning sandpy_status report SANDPY_ERROR when the
 * Python code raised (or did not compile) and SANDPY_INVALID when the call
 * itself was refused (bad handle, wrong call id, interpreter busy...); in
 * both cases sandpy_error() describes it.  Value functions return 0 (the
 * invalid value) on failure, with sandpy_error() set.
 *
 * THREADS: an interpreter is used by one thread at a time; independent
 * interpreters share nothing and may run concurrently.  sandpy_interrupt is
 * the one call that is safe from any thread. */
#ifndef SANDPY_H
#define SANDPY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sandpy sandpy;
typedef struct sandpy_code sandpy_code;
/* A handle to a Python value held by an interpreter; 0 is "no value". */
typedef uint64_t sandpy_value;

/* ------------------------------------------------------------ lifecycle */

/* Limits: 0 means "no limit" (the library sets none unless asked).  The
 * time and instruction limits count per run (start to completion), and
 * time spent paused does not count; they survive snapshots.  (Without
 * max_duration, runs are timed by the coarse clock, to a few ms: the time
 * its snapshots carry for a later limit is that precise.) */
typedef struct sandpy_config {
    size_t max_memory;          /* bytes of live heap -> MemoryError */
    uint64_t max_allocations;   /* allocations per run -> MemoryError */
    double max_duration;        /* seconds of running per run -> TimeoutError */
    uint64_t max_instructions;  /* bytecode instructions per run -> TimeoutError */
    int max_recursion;          /* Python call depth -> RecursionError (0: 1000) */
    /* Optional custom allocator: realloc semantics, told the old size;
     * newsize 0 frees.  NULL: the C library's. */
    void *(*alloc)(void *ud, void *ptr, size_t oldsize, size_t newsize);
    void *alloc_ud;
    /* Receives print() output: stream 1 stdout, 2 stderr.  NULL: discard. */
    void (*write)(void *ud, int stream, const char *text, size_t len);
    void *write_ud;
    void *userdata;             /* returned by sandpy_userdata */
    /* Bytes of C stack sandpy may use below its entry point (nested data
     * and C re-entry past it raise RecursionError).  0: 160 KiB (1 MiB
     * under ASan).  Set it below your thread's stack size minus your own
     * use, e.g. 192 KiB on a 256 KiB thread. */
    size_t max_stack;
    /* Key of the SipHash-2-4 tag that authenticates snapshots: set it to
     * a secret to reject bytes not produced by a holder of the key (all
     * zero: a faster unkeyed checksum, integrity check only). */
    uint8_t snapshot_key[16];
    /* Wall clock for datetime.now()/today()/utcnow(): POSIX seconds, UTC.
     * NULL (the default): those raise, since the sandbox has no clock. */
    double (*clock)(void *ud);
    void *clock_ud;
    /* Seed for the random module when the program gives none (at import,
     * Random(), random.seed()): called each time, it seeds as
     * random.seed(n) would.  NULL (the default): the fixed seed 0, so
     * unseeded runs repeat; the sandbox never asks the OS for entropy. */
    uint64_t (*random_seed)(void *ud);
    void *random_seed_ud;
} sandpy_config;

typedef enum sandpy_status {
    SANDPY_OK = 0,      /* finished; sandpy_result() holds the result */
    SANDPY_ERROR = 1,   /* an exception (or syntax error) ended the run */
    SANDPY_PAUSED = 2,  /* stopped at an external call: see sandpy_pending */
    SANDPY_INVALID = 3  /* the request was refused; nothing changed */
} sandpy_status;

/* Create an interpreter; cfg may be NULL.  NULL only if the allocator
 * cannot provide the interpreter itself. */
sandpy *sandpy_new(const sandpy_config *cfg);
void sandpy_free(sandpy *sp);
void *sandpy_userdata(sandpy *sp);

/* Ask a running interpreter to stop with KeyboardInterrupt at the next
 * instruction boundary (uncatchable).  Safe from any thread. */
void sandpy_interrupt(sandpy *sp);

/* Accounting of the interpreter's heap. */
size_t sandpy_memory_used(const sandpy *sp);
size_t sandpy_memory_peak(const sandpy *sp);

/* ------------------------------------------------------------ values */

typedef enum sandpy_kind {
    SANDPY_K_INVALID = 0, SANDPY_K_NONE, SANDPY_K_BOOL, SANDPY_K_INT, SANDPY_K_FLOAT,
    SANDPY_K_STR, SANDPY_K_BYTES, SANDPY_K_LIST, SANDPY_K_TUPLE, SANDPY_K_DICT,
    SANDPY_K_SET, SANDPY_K_FROZENSET, SANDPY_K_OTHER /* functions, exceptions... */
} sandpy_kind;

sandpy_value sandpy_none(sandpy *sp);
sandpy_value sandpy_bool(sandpy *sp, int b);
sandpy_value sandpy_int(sandpy *sp, int64_t i);
/* An int of any size from decimal text ("-123456789012345678901234"). */
sandpy_value sandpy_int_text(sandpy *sp, const char *dec, size_t len);
sandpy_value sandpy_float(sandpy *sp, double d);
sandpy_value sandpy_str(sandpy *sp, const char *utf8, size_t len); /* invalid UTF-8: 0 */
sandpy_value sandpy_bytes(sandpy *sp, const void *p, size_t len);
/* Containers: items are copied in (references, as in Python). */
sandpy_value sandpy_list(sandpy *sp, const sandpy_value *items, size_t n);
sandpy_value sandpy_tuple(sandpy *sp, const sandpy_value *items, size_t n);
sandpy_value sandpy_dict(sandpy *sp);
sandpy_value sandpy_set(sandpy *sp, int frozen);
int sandpy_list_append(sandpy *sp, sandpy_value list, sandpy_value item); /* 1 ok, 0 error */
int sandpy_dict_set(sandpy *sp, sandpy_value dict, sandpy_value key, sandpy_value val);
int sandpy_dict_sets(sandpy *sp, sandpy_value dict, const char *key, sandpy_value val);
int sandpy_set_add(sandpy *sp, sandpy_value set, sandpy_value item);
/* JSON text -> value (json.loads rules). */
sandpy_value sandpy_from_json(sandpy *sp, const char *json, size_t len);

sandpy_kind sandpy_kind_of(sandpy *sp, sandpy_value v);
const char *sandpy_type_name(sandpy *sp, sandpy_value v);   /* "int", "MyClass" */
int sandpy_as_bool(sandpy *sp, sandpy_value v);             /* truth value; -1 error */
/* int64 value of an int/bool; 0 (error) if it does not fit or is no int. */
int sandpy_as_int(sandpy *sp, sandpy_value v, int64_t *out);
/* Decimal text of any int (big ones too); NULL if not an int. */
const char *sandpy_int_to_text(sandpy *sp, sandpy_value v, size_t *len);
int sandpy_as_float(sandpy *sp, sandpy_value v, double *out); /* float or int */
const char *sandpy_as_str(sandpy *sp, sandpy_value v, size_t *len);  /* UTF-8, NUL terminated */
const uint8_t *sandpy_as_bytes(sandpy *sp, sandpy_value v, size_t *len);
/* len() of str/bytes/list/tuple/dict/set; -1 error. */
int64_t sandpy_len(sandpy *sp, sandpy_value v);
sandpy_value sandpy_item(sandpy *sp, sandpy_value seq, size_t i); /* list/tuple */
/* Iterate a dict (*pos starts at 0; val may be NULL) or a set/frozenset
 * (val must be NULL): returns 1 and the next entry, 0 at the end. */
int sandpy_next(sandpy *sp, sandpy_value container, size_t *pos, sandpy_value *key,
                sandpy_value *val);
sandpy_value sandpy_dict_get(sandpy *sp, sandpy_value dict, const char *key); /* 0: absent */
/* repr() / json.dumps() text of a value. */
const char *sandpy_repr(sandpy *sp, sandpy_value v, size_t *len);
const char *sandpy_to_json(sandpy *sp, sandpy_value v, size_t *len);
/* Invalidate every value handed out so far (long-lived hosts that build
 * many values without running code). */
void sandpy_values_reset(sandpy *sp);

/* ------------------------------------------------------------ errors */

typedef struct sandpy_frame {
    const char *file;
    int line;
    const char *function;       /* "<module>", "f" */
    const char *source;         /* the source line, stripped ("" if unknown) */
} sandpy_frame;

typedef struct sandpy_error {
    const char *type;           /* "ValueError", "SyntaxError" */
    const char *message;        /* str(exception); a SyntaxError's msg */
    const char *traceback;      /* the full CPython-style text */
    const char *file;           /* where it happened: the innermost frame, */
    int line, column;           /* or a SyntaxError's position (column 1-based, 0: none) */
    size_t nframes;
    const sandpy_frame *frames; /* outermost first, as in the traceback */
} sandpy_error;

/* The error of the last call that failed (valid until the next call that
 * runs code); type is "" when there is none. */
const sandpy_error *sandpy_error_get(sandpy *sp);
const char *sandpy_error_type(sandpy *sp);
const char *sandpy_error_message(sandpy *sp);
const char *sandpy_error_traceback(sandpy *sp);

/* ------------------------------------------------------------ running */

/* Compile once, run many.  input_names lists the names every run binds
 * (each run must supply exactly those); filename is used in tracebacks.
 * NULL on a syntax error (sandpy_error_get has type, message, line). */
sandpy_code *sandpy_compile(sandpy *sp, const char *src, size_t len, const char *filename,
                            const char *const *input_names, size_t ninputs);
void sandpy_code_free(sandpy *sp, sandpy_code *code);

/* Stage an input for the next run (by name, as a value or as JSON). */
sandpy_status sandpy_input(sandpy *sp, const char *name, sandpy_value v);
sandpy_status sandpy_input_json(sandpy *sp, const char *name, const char *json, size_t len);
sandpy_status sandpy_set_input_json(sandpy *sp, const char *name, const char *json, size_t len);

/* Run code in fresh globals holding the staged inputs and the registered
 * external functions.  Abandons a paused run.  The result is the value of
 * the last expression statement (None if none). */
sandpy_status sandpy_start(sandpy *sp, const sandpy_code *code);
sandpy_value sandpy_result(sandpy *sp);
const char *sandpy_result_json(sandpy *sp, size_t *len);  /* NULL + error if not serializable */
const char *sandpy_result_repr(sandpy *sp, size_t *len);

/* One call: compile, bind inputs given as JSON texts (names[i] = json[i]),
 * run to completion and render the result as JSON (NULL on error or
 * pause; pausing functions are not expected here). */
const char *sandpy_run_json(sandpy *sp, const char *src, size_t len, const char *const *names,
                            const char *const *json, size_t ninputs, size_t *outlen);

/* ------------------------------------------------------------ REPL */

/* Compile and run a snippet in the interpreter's persistent main module:
 * globals, functions and imports stay for the next feed.  May pause like
 * sandpy_start.  Cost depends on the snippet, not on the history.
 * sandpy_exec is the same with a file name of your choice. */
sandpy_status sandpy_feed(sandpy *sp, const char *src, size_t len);
sandpy_status sandpy_exec(sandpy *sp, const char *src, size_t len, const char *filename);

/* ------------------------------------------------------------ external functions */

/* A synchronous host function.  args/kwargs (a dict) are values valid
 * during the call.  Return a value, or 0 after sandpy_raise. */
typedef sandpy_value (*sandpy_fn)(sandpy *sp, void *ud, const sandpy_value *args, size_t nargs,
                                  sandpy_value kwargs);
/* Make name callable from Python.  Registered names are bound in the
 * globals of every later run and of the REPL.  Re-registering replaces. */
sandpy_status sandpy_register(sandpy *sp, const char *name, sandpy_fn fn, void *ud);
/* A pausing function: calling it ends sandpy_start/resume with
 * SANDPY_PAUSED.  Works wherever Python code calls it from Python code
 * (nested calls, loops, comprehensions, generators driven by for/yield
 * from, try blocks, methods); called from C inside a builtin (a sorted()
 * key, map(), a generator consumed by list()/sum()...) it raises
 * RuntimeError (docs/embedding.md lists the cases). */
sandpy_status sandpy_register_pausing(sandpy *sp, const char *name);
/* From a sync callback: raise exc_type (a builtin exception name, e.g.
 * "ValueError") with message in Python.  Returns 0 for convenience. */
sandpy_value sandpy_raise(sandpy *sp, const char *exc_type, const char *message);

/* Reading an unknown global name pauses too (kind SANDPY_CALL_NAME): the
 * host supplies the value (it is also bound as a global) or declines with
 * sandpy_resume_error(sp, id, NULL, NULL), giving the usual NameError. */
void sandpy_pause_on_unknown_names(sandpy *sp, int on);

typedef enum sandpy_call_kind { SANDPY_CALL_FUNCTION = 1, SANDPY_CALL_NAME = 2 } sandpy_call_kind;
typedef struct sandpy_call {
    uint64_t id;                /* unique per interpreter, survives snapshots */
    sandpy_call_kind kind;
    const char *name;           /* function name / the unknown global */
    sandpy_value args;          /* tuple (empty for names) */
    sandpy_value kwargs;        /* dict (empty for names) */
} sandpy_call;

/* The pending call of a PAUSED run (NULL if none). */
const sandpy_call *sandpy_pending(sandpy *sp);
/* Answer the pending call `id` (each id is answered exactly once; any
 * other id gives SANDPY_INVALID): with a value, a value decoded from JSON,
 * or an exception raised at the call site (exc_type NULL: the call's
 * natural error, NameError for names; unknown names give RuntimeError). */
sandpy_status sandpy_resume(sandpy *sp, uint64_t id, sandpy_value result);
sandpy_status sandpy_resume_json(sandpy *sp, uint64_t id, const char *json, size_t len);
sandpy_status sandpy_resume_error(sandpy *sp, uint64_t id, const char *exc_type,
                                  const char *message);
/* Answer "pending": the call returns an ExternalFuture object at once and
 * the run continues; the host settles the future later by the same id
 * (exactly once).  (Awaiting futures comes with asyncio support.) */
sandpy_status sandpy_resume_future(sandpy *sp, uint64_t id);
sandpy_status sandpy_settle(sandpy *sp, uint64_t id, sandpy_value result);
sandpy_status sandpy_settle_error(sandpy *sp, uint64_t id, const char *exc_type,
                                  const char *message);

/* ------------------------------------------------------------ snapshots */

/* Serialize a compiled code object / the interpreter's whole state (a
 * PAUSED run, or the REPL session between feeds) to bytes.  The bytes are
 * owned by sp (valid until the next call that runs code).  Formats are
 * versioned and checksummed.  Snapshots are trusted-host data: they are
 * validated, but never load bytes Python code could have produced. */
const uint8_t *sandpy_code_dump(sandpy *sp, const sandpy_code *code, size_t *len);
sandpy_code *sandpy_code_load(sandpy *sp, const uint8_t *data, size_t len);
const uint8_t *sandpy_snapshot(sandpy *sp, size_t *len);
/* Replace sp's state by a snapshot (registered functions are kept; the
 * snapshot refers to them by name).  Corrupt, truncated or hostile bytes
 * give SANDPY_INVALID (ValueError), never a crash; memory limits hold.
 * Returns SANDPY_PAUSED if the snapshot holds a paused run, else OK. */
sandpy_status sandpy_snapshot_load(sandpy *sp, const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
