/* sp_iter.h - the list and tuple iterators' layout (sp_iter.c), private:
 * the VM's FOR_ITER steps them in line, without a call through the
 * type's next slot. */
#ifndef SP_ITER_H
#define SP_ITER_H

#include "sp_cont.h"

typedef struct sp_SeqIter {
    sp_Obj h;
    sp_Value seq; /* SP_NULL once exhausted */
    int64_t pos;
} sp_SeqIter;

/* The next item of a list/tuple iterator, SP_NULL at the end: it reads
 * the live sequence by index (CPython), and neither fails nor runs code. */
static inline sp_Value sp_seqiter_items_next(sp_SeqIter *it) {
    if (sp_isnull(it->seq)) return SP_NULLV;
    size_t n;
    sp_Value *items = spc_items(it->seq, &n);
    if (it->pos >= 0 && (size_t)it->pos < n) return items[it->pos++];
    it->seq = SP_NULLV;
    return SP_NULLV;
}

#endif
