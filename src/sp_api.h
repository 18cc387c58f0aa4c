/* sp_api.h - private contract between the embedding API files: sp_api.c
 * (runs, errors, external functions), sp_value_api.c (value handles) and
 * sp_snap.c (snapshots).
 *
 * Value handles: the API's own roots are vm->host_slots (H_NSLOTS of
 * them); the handle arena is the list vm->host, made at the first handle
 * (a snippet run gives out none).  Both are GC roots.  A handle is
 * (epoch << 32 | index), index H_NSLOTS + the position in the arena;
 * resetting the arena truncates the list and bumps the epoch, so a stale
 * handle is recognised instead of read. */
#ifndef SP_API_H
#define SP_API_H

#include "sp_code.h"
#include "sandpy.h"

enum {
    H_RESULT = 0, /* result of the last run */
    H_INPUTS,     /* dict of staged inputs, or None */
    H_EXTS,       /* dict: name -> sp_ExtFn of every registered function */
    H_GLOBALS,    /* globals of the current/paused run */
    H_ERR,        /* the last exception captured, or None */
    H_FUTURES,    /* dict: call id -> unsettled ExternalFuture */
    H_CODES,      /* list of live sandpy_code objects (their slot is their index) */
    H_NSLOTS
};
_Static_assert((int)H_NSLOTS <= (int)SP_HOST_SLOTS, "room in sp_VM for the API's slots");

/* A registered host function. */
typedef struct sp_Ext {
    char *name;
    size_t namelen;
    sandpy_fn fn;   /* NULL: pausing */
    void *ud;
} sp_Ext;

struct sandpy {
    sp_VM *vm;
    sandpy_config cfg;
    uint32_t epoch;
    int busy;                /* code is running: calls that run code are refused */
    /* run accounting (per run; time paused does not count) */
    double elapsed, t_start;
    uint64_t instr_used, instr_start;
    /* pausing */
    uint64_t next_id;        /* last call id handed out */
    int has_call;
    sandpy_call call;
    /* registry */
    sp_Ext *ext;
    uint32_t next, extcap;
    /* last error: strings live in ebuf, pointers fixed up after building */
    sandpy_error err;
    sp_Buf ebuf;
    bool elost;  /* out of memory while describing it (sp_api.c describe) */
    sandpy_frame *frames;
    size_t framecap;
    /* snapshot bytes handed out */
    sp_Buf snap;
};

/* sp_value_api.c */
sandpy_value sp_api_push(sandpy *sp, sp_Value v);           /* 0 on MemoryError (error set) */
bool sp_api_get(sandpy *sp, sandpy_value h, sp_Value *out); /* false: invalid handle (error set) */
/* The index the next handle gets; drop handles from index n on (bump:
 * invalidate all outstanding handles). */
size_t sp_api_mark(sandpy *sp);
void sp_api_truncate(sandpy *sp, size_t n, bool bump);
/* A slot never set reads None: the VM's block starts zeroed (SP_NULL). */
static inline sp_Value sp_api_slot(sandpy *sp, int i) {
    sp_Value v = sp->vm->host_slots[i];
    return sp_isnull(v) ? SP_NONEV : v;
}
static inline void sp_api_setslot(sandpy *sp, int i, sp_Value v) { sp->vm->host_slots[i] = v; }

/* sp_api.c */
/* Capture the pending exception as the host-visible error; returns st. */
sandpy_status sp_api_capture(sandpy *sp, sandpy_status st);
/* Raise t(msg) and capture it; returns SANDPY_INVALID. */
sandpy_status sp_api_invalid(sandpy *sp, sp_Type *t, const char *msg);
/* Values from the host run with limits lifted (the run's are not armed). */
#define SP_API_OK(sp) ((sp) && (sp)->vm)

/* A compiled program handed to the host: a GC object rooted in H_CODES. */
struct sandpy_code {
    sp_Obj h;
    sp_Value code;           /* sp_Code */
    sp_Value inputs;         /* tuple of str: the declared input names */
    size_t slot;             /* index in H_CODES */
};
extern sp_Type sp_t_hostcode_;
sandpy_code *sp_api_add_code(sandpy *sp, sp_Value code, sp_Value inputs); /* NULL: error set */

/* An answer the host gives later, settled once by call id (sp_api.c). */
typedef struct sp_Future {
    sp_Obj h;
    uint64_t id;
    int state;      /* 0 pending, 1 value, 2 exception */
    sp_Value value;
} sp_Future;
extern sp_Type sp_t_future_;
/* The pending-call view for a PAUSED run (x->pending), with this id. */
void sp_api_fill_call(sandpy *sp, uint64_t id);

/* sp_snap.c */
void sp_snap_free(sandpy *sp);

#endif
