/* sp_hash.c - MD5 (RFC 1321), SHA-1 and SHA-2 (FIPS 180-4).
 *
 * All five share the Merkle-Damgard frame (buffer to a block, pad with
 * 0x80, zeros and the bit length), so one update and one final drive a
 * per-family block function.  SHA-224/384 are SHA-256/512 with other
 * initial values and a shorter output.  The SHA-256 round constants are
 * the top halves of SHA-512's (both are the fractional bits of the cube
 * roots of the first primes), and SHA-224's initial values are the low
 * halves of SHA-384's, so two 64-bit tables serve the whole family. */
#include "sp_hash.h"

/* Fractional bits of the cube roots of the first 80 primes. */
static const uint64_t K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

/* Fractional bits of the square roots of the first 8 primes (SHA-512),
 * then of the next 8 (SHA-384; SHA-224 uses their low halves). */
static const uint64_t IV512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
static const uint64_t IV384[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
    0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};
static const uint64_t IV256[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};
static const uint64_t IV224[8] = {
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
};
static const uint64_t IV_MD5_SHA1[8] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};

static uint32_t rd32(const uint8_t *p, bool le) {
    return le ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24
              : (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static uint64_t rd64(const uint8_t *p) { return (uint64_t)rd32(p, false) << 32 | rd32(p + 4, false); }

static void put(uint8_t *p, uint64_t v, int bytes, bool le) {
    for (int i = 0; i < bytes; i++) p[le ? i : bytes - 1 - i] = (uint8_t)(v >> (8 * i));
}

static uint32_t rotl32(uint32_t x, int n) { return x << n | x >> (32 - n); }

/* ------------------------------------------------------------ block functions */

static void md5_block(uint64_t h[8], const uint8_t *p) {
    /* floor(|sin(i + 1)| * 2^32) */
    static const uint32_t k[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    };
    static const uint8_t s[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
    uint32_t m[16], a = (uint32_t)h[0], b = (uint32_t)h[1], c = (uint32_t)h[2], d = (uint32_t)h[3];
    for (int i = 0; i < 16; i++) m[i] = rd32(p + 4 * i, true);
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i >> 4) {
        case 0: f = (b & c) | (~b & d), g = i; break;
        case 1: f = (d & b) | (~d & c), g = (5 * i + 1) & 15; break;
        case 2: f = b ^ c ^ d, g = (3 * i + 5) & 15; break;
        default: f = c ^ (b | ~d), g = (7 * i) & 15; break;
        }
        f += a + k[i] + m[g];
        a = d, d = c, c = b;
        b += rotl32(f, s[i >> 4][i & 3]);
    }
    h[0] = (uint32_t)(h[0] + a), h[1] = (uint32_t)(h[1] + b);
    h[2] = (uint32_t)(h[2] + c), h[3] = (uint32_t)(h[3] + d);
}

static void sha1_block(uint64_t h[8], const uint8_t *p) {
    static const uint32_t k[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
    uint32_t w[80], v[5];
    for (int i = 0; i < 16; i++) w[i] = rd32(p + 4 * i, false);
    for (int i = 16; i < 80; i++) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    for (int i = 0; i < 5; i++) v[i] = (uint32_t)h[i];
    for (int i = 0; i < 80; i++) {
        uint32_t b = v[1], c = v[2], d = v[3], f;
        switch (i / 20) {
        case 0: f = (b & c) | (~b & d); break;
        case 2: f = (b & c) | (b & d) | (c & d); break;
        default: f = b ^ c ^ d; break;
        }
        uint32_t t = rotl32(v[0], 5) + f + v[4] + k[i / 20] + w[i];
        v[4] = d, v[3] = c, v[2] = rotl32(b, 30), v[1] = v[0], v[0] = t;
    }
    for (int i = 0; i < 5; i++) h[i] = (uint32_t)(h[i] + v[i]);
}

/* SHA-256 and SHA-512 differ only in word type, round count and rotation
 * amounts: one body, instantiated twice.  S0/S1 rotate the working
 * variables a and e, s0/s1 expand the message (third amount: a shift). */
#define ROTR(T, x, n) ((T)((x) >> (n)) | (T)((x) << (8 * sizeof(T) - (n))))
#define SIG3(T, x, n0, n1, n2) (ROTR(T, x, n0) ^ ROTR(T, x, n1) ^ ROTR(T, x, n2))
#define SIG2(T, x, n0, n1, n2) (ROTR(T, x, n0) ^ ROTR(T, x, n1) ^ ((x) >> (n2)))
#define SHA2_BLOCK(fn, T, ROUNDS, KSHIFT, LOAD, S0, S1, s0, s1)                                    \
    static void fn(uint64_t h[8], const uint8_t *p) {                                              \
        T w[ROUNDS], a = (T)h[0], b = (T)h[1], c = (T)h[2], d = (T)h[3], e = (T)h[4], f = (T)h[5], \
                     g = (T)h[6], hh = (T)h[7];                                                    \
        for (int i = 0; i < 16; i++) w[i] = (T)LOAD(p + i * sizeof(T));                            \
        for (int i = 16; i < ROUNDS; i++)                                                          \
            w[i] = w[i - 16] + w[i - 7] + SIG2(T, w[i - 15], s0) + SIG2(T, w[i - 2], s1);          \
        for (int i = 0; i < ROUNDS; i++) {                                                         \
            T t1 = hh + SIG3(T, e, S1) + ((e & f) ^ (~e & g)) + (T)(K[i] >> KSHIFT) + w[i];        \
            T t2 = SIG3(T, a, S0) + ((a & b) ^ (a & c) ^ (b & c));                                 \
            hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;                    \
        }                                                                                          \
        T v[8] = {a, b, c, d, e, f, g, hh};                                                        \
        for (int i = 0; i < 8; i++) h[i] = (T)(h[i] + v[i]);                                       \
    }
#define LOAD32(q) rd32(q, false)
#define ARGS(...) __VA_ARGS__
SHA2_BLOCK(sha256_block, uint32_t, 64, 32, LOAD32, ARGS(2, 13, 22), ARGS(6, 11, 25), ARGS(7, 18, 3),
           ARGS(17, 19, 10))
SHA2_BLOCK(sha512_block, uint64_t, 80, 0, rd64, ARGS(28, 34, 39), ARGS(14, 18, 41), ARGS(1, 8, 7),
           ARGS(19, 61, 6))

/* ------------------------------------------------------------ the table */

/* Aliases are the names OpenSSL 3 (behind CPython's hashlib.new) knows. */
static const sp_HashAlg md5 = {"md5", "ssl3-md5 1.2.840.113549.2.5", 16, 64, false, true, IV_MD5_SHA1, md5_block};
static const sp_HashAlg sha1 = {"sha1", "sha-1 ssl3-sha1 1.3.14.3.2.26", 20, 64, false, false, IV_MD5_SHA1, sha1_block};
static const sp_HashAlg sha224 = {"sha224", "sha-224 sha2-224 2.16.840.1.101.3.4.2.4", 28, 64, false, false, IV224,
                                  sha256_block};
static const sp_HashAlg sha256 = {"sha256", "sha-256 sha2-256 2.16.840.1.101.3.4.2.1", 32, 64, false, false, IV256,
                                  sha256_block};
static const sp_HashAlg sha384 = {"sha384", "sha-384 sha2-384 2.16.840.1.101.3.4.2.2", 48, 128, true, false, IV384,
                                  sha512_block};
static const sp_HashAlg sha512 = {"sha512", "sha-512 sha2-512 2.16.840.1.101.3.4.2.3", 64, 128, true, false, IV512,
                                  sha512_block};

const sp_HashAlg *const sp_hash_algs[] = {&md5, &sha1, &sha224, &sha256, &sha384, &sha512, NULL};

static bool name_is(const char *s, size_t n, const char *name, size_t len) {
    if (n != len) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
        if (c != name[i]) return false;
    }
    return true;
}

const sp_HashAlg *sp_hash_find(const char *name, size_t len) {
    for (const sp_HashAlg *const *a = sp_hash_algs; *a; a++) {
        if (name_is(name, len, (*a)->name, strlen((*a)->name))) return *a;
        for (const char *s = (*a)->aliases; *s;) {
            size_t k = strcspn(s, " ");
            if (name_is(name, len, s, k)) return *a;
            s += k + (s[k] == ' ');
        }
    }
    return NULL;
}

/* ------------------------------------------------------------ the frame */

void sp_hash_init(sp_HashCtx *c, const sp_HashAlg *alg) {
    memset(c, 0, sizeof *c);
    c->alg = alg;
    memcpy(c->h, alg->iv, sizeof c->h);
}

bool sp_hash_update(sp_VM *vm, sp_HashCtx *c, const uint8_t *p, size_t n) {
    size_t bs = c->alg->block_size;
    if (c->nbuf) {
        size_t k = bs - c->nbuf < n ? bs - c->nbuf : n;
        memcpy(c->buf + c->nbuf, p, k);
        c->nbuf += k, c->n += k, p += k, n -= k;
        if (c->nbuf < bs) return true;
        c->alg->block(c->h, c->buf);
        c->nbuf = 0;
    }
    for (; n >= bs; p += bs, n -= bs, c->n += bs) {
        if (!sp_check_limits(vm)) return false;
        c->alg->block(c->h, p);
    }
    if (n) memcpy(c->buf, p, n);
    c->nbuf = n, c->n += n;
    return true;
}

size_t sp_hash_final(const sp_HashCtx *c0, uint8_t out[SP_HASH_MAX_DIGEST]) {
    sp_HashCtx c = *c0;
    const sp_HashAlg *a = c.alg;
    size_t bs = a->block_size, lenpos = bs - (a->wide ? 16 : 8);
    c.buf[c.nbuf++] = 0x80;
    memset(c.buf + c.nbuf, 0, bs - c.nbuf);
    if (c.nbuf > lenpos) {
        a->block(c.h, c.buf);
        memset(c.buf, 0, bs);
    }
    put(c.buf + bs - 8, c.n << 3, 8, a->le);
    if (a->wide) put(c.buf + bs - 16, c.n >> 61, 8, false);
    a->block(c.h, c.buf);
    int ws = a->wide ? 8 : 4;
    for (int i = 0; i < a->digest_size; i++)
        out[i] = (uint8_t)(c.h[i / ws] >> 8 * (a->le ? i % ws : ws - 1 - i % ws));
    return a->digest_size;
}
