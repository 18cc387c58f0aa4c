/* sp_random.h - what the random module's two files share: the generator
 * (sp_random.c) and the continuous distributions (sp_randvar.c). */
#ifndef SP_RANDOM_H
#define SP_RANDOM_H

#include "sp.h"

#define SP_MT_N 624

/* A random.Random: CPython's Mersenne Twister state, and gauss()'s spare
 * value (None, or whatever setstate() put there, as in CPython). */
typedef struct sp_Rng {
    sp_Obj h;
    uint32_t mt[SP_MT_N];
    int mti;
    sp_Value gauss_next;
} sp_Rng;

/* random(): 53 random bits in [0, 1). */
double sp_rng_random(sp_Rng *r);
/* The Random a method was called on (args[0]), or NULL with TypeError. */
sp_Rng *sp_rng_self(sp_VM *vm, sp_Value *args, int nargs);

/* The distribution methods of Random (sp_randvar.c). */
#define SP_RANDVAR_METHODS(X)                                                                   \
    X(uniform) X(triangular) X(normalvariate) X(gauss) X(lognormvariate) X(expovariate)         \
    X(vonmisesvariate) X(gammavariate) X(betavariate) X(paretovariate) X(weibullvariate)
#define SP_RANDVAR_DECL(n) sp_Value sp_randvar_##n(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
SP_RANDVAR_METHODS(SP_RANDVAR_DECL)
#undef SP_RANDVAR_DECL

#endif
