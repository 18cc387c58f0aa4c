/* sandpy.h - the one public header of sandpy, an embeddable sandbox for a
 * subset of Python 3.11.
 *
 * Ownership rule: the host never frees anything sandpy returns.  Strings
 * returned by the API point into the interpreter and stay valid until the
 * next call that runs code on that interpreter, or until it is freed.
 *
 * Threads: an interpreter is used by one thread at a time; independent
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

/* Limits: 0 means "no limit" (the library sets none unless asked). */
typedef struct sandpy_config {
    size_t max_memory;          /* bytes of live heap -> MemoryError */
    uint64_t max_allocations;   /* allocations over the run -> MemoryError */
    double max_duration;        /* wall-clock seconds -> TimeoutError */
    uint64_t max_instructions;  /* bytecode instructions -> TimeoutError */
    int max_recursion;          /* Python call depth -> RecursionError (0: 1000) */
    /* Optional custom allocator: realloc semantics, told the old size;
     * newsize 0 frees.  NULL: the C library's. */
    void *(*alloc)(void *ud, void *ptr, size_t oldsize, size_t newsize);
    void *alloc_ud;
    /* Receives print() output: stream 1 stdout, 2 stderr.  NULL: discard. */
    void (*write)(void *ud, int stream, const char *text, size_t len);
    void *write_ud;
    void *userdata;
} sandpy_config;

typedef enum sandpy_status {
    SANDPY_OK = 0,     /* finished; the result is available */
    SANDPY_ERROR = 1,  /* an exception (or syntax error) ended the run */
    SANDPY_PAUSED = 2  /* stopped at an external call (embedding issue) */
} sandpy_status;

/* Create an interpreter; cfg may be NULL.  Returns NULL only if the
 * allocator cannot provide the interpreter itself. */
sandpy *sandpy_new(const sandpy_config *cfg);
void sandpy_free(sandpy *sp);

/* Ask a running interpreter to stop with KeyboardInterrupt at the next
 * instruction boundary.  Safe from any thread. */
void sandpy_interrupt(sandpy *sp);

/* Bind a global name to a value decoded from JSON text, before a run.
 * Returns SANDPY_ERROR (with the error readable below) on invalid JSON. */
sandpy_status sandpy_set_input_json(sandpy *sp, const char *name, const char *json, size_t len);

/* Compile and run source in the interpreter's main module.  Globals persist
 * between calls (REPL style).  filename is used in tracebacks. */
sandpy_status sandpy_exec(sandpy *sp, const char *src, size_t len, const char *filename);

/* The result of the last run: the value of its last expression statement
 * (None if there was none). */
const char *sandpy_result_json(sandpy *sp, size_t *len);  /* NULL + error if not serializable */
const char *sandpy_result_repr(sandpy *sp, size_t *len);

/* The error of the last call that returned SANDPY_ERROR. */
const char *sandpy_error_type(sandpy *sp);       /* "ValueError" */
const char *sandpy_error_message(sandpy *sp);    /* str(exception) */
const char *sandpy_error_traceback(sandpy *sp);  /* full CPython-style text */

/* Accounting of the interpreter's heap. */
size_t sandpy_memory_used(const sandpy *sp);
size_t sandpy_memory_peak(const sandpy *sp);

#ifdef __cplusplus
}
#endif
#endif
