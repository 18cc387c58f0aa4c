/* sp_hash.h - message digests (sp_hash.c): MD5, SHA-1, SHA-224/256 and
 * SHA-384/512, for hashlib and for random's str/bytes seeds. */
#ifndef SP_HASH_H
#define SP_HASH_H

#include "sp.h"

#define SP_HASH_MAX_DIGEST 64
#define SP_HASH_MAX_BLOCK 128

typedef struct sp_HashAlg {
    const char *name;          /* hashlib's name: "sha256" */
    const char *aliases;       /* other names new() accepts, ' '-separated */
    uint8_t digest_size, block_size;
    bool wide;                 /* 64-bit words (SHA-384/512) */
    bool le;                   /* little-endian words and length (MD5) */
    const uint64_t *iv;        /* initial state (32-bit algorithms use the low halves) */
    void (*block)(uint64_t h[8], const uint8_t *p);
} sp_HashAlg;

/* A running digest; plain data, so copy() is a struct copy. */
typedef struct sp_HashCtx {
    const sp_HashAlg *alg;
    uint64_t h[8];
    uint64_t n;                /* bytes hashed so far */
    size_t nbuf;
    uint8_t buf[SP_HASH_MAX_BLOCK];
} sp_HashCtx;

/* Every algorithm, NULL-terminated. */
extern const sp_HashAlg *const sp_hash_algs[];
/* By name or alias, case-insensitive ("SHA-256", "md5"); NULL if unknown. */
const sp_HashAlg *sp_hash_find(const char *name, size_t len);
void sp_hash_init(sp_HashCtx *c, const sp_HashAlg *alg);
/* Polls the limits once per block: false with TimeoutError pending. */
bool sp_hash_update(sp_VM *vm, sp_HashCtx *c, const uint8_t *p, size_t n);
/* The digest of what was hashed so far (c is left as it was); returns its size. */
size_t sp_hash_final(const sp_HashCtx *c, uint8_t out[SP_HASH_MAX_DIGEST]);

#endif
