/* sp_conf.h - every tunable limit of sandpy, one overridable macro each.
 * Override with -DNAME=value; nothing else in the tree hard-codes these. */
#ifndef SP_CONF_H
#define SP_CONF_H

/* Default Python call depth (CPython's sys.getrecursionlimit()). */
#ifndef SP_DEFAULT_RECURSION
#define SP_DEFAULT_RECURSION 1000
#endif

/* Depth of C-level recursion over user data (repr, ==, hash, json, parser,
 * compiler) before RecursionError.  Counted independently of Python depth
 * because each level costs real C stack. */
#ifndef SP_MAX_CDEPTH
#define SP_MAX_CDEPTH 2000
#endif

/* Bytes of C stack we allow ourselves below the entry point before raising
 * RecursionError, checked against the real stack pointer. Hosts may run us
 * on small threads (256 KiB) so we keep the budget well below that. */
#ifndef SP_CSTACK_BUDGET
#if defined(__SANITIZE_ADDRESS__)
#define SP_CSTACK_BUDGET (1024 * 1024) /* ASan frames are several times larger */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SP_CSTACK_BUDGET (1024 * 1024)
#endif
#endif
#endif
#ifndef SP_CSTACK_BUDGET
#define SP_CSTACK_BUDGET (160 * 1024)
#endif

/* Parser: nested brackets ("too many nested parentheses" as CPython). */
#ifndef SP_MAX_PAREN_DEPTH
#define SP_MAX_PAREN_DEPTH 200
#endif

/* Parser/compiler nesting of statements and expressions. */
#ifndef SP_MAX_AST_DEPTH
#define SP_MAX_AST_DEPTH 1000
#endif

/* Indentation levels (CPython: 100, "too many levels of indentation"). */
#ifndef SP_MAX_INDENT
#define SP_MAX_INDENT 100
#endif

/* CPython 3.11's int<->str digit limit (sys.int_info.default_max_str_digits). */
#ifndef SP_INT_MAX_STR_DIGITS
#define SP_INT_MAX_STR_DIGITS 4300
#endif

/* Instructions between polls of the clock / interrupt flag. */
#ifndef SP_POLL_INTERVAL
#define SP_POLL_INTERVAL 4096
#endif

/* sp_check_limits calls from C loops between reads of the clock.  Small:
 * one C-loop iteration can be costly (a row of a huge multiplication). */
#ifndef SP_CPOLL_INTERVAL
#define SP_CPOLL_INTERVAL 16
#endif

/* A single allocation at least this big polls the limits first: copying
 * and building huge objects is long C work without a loop to poll in. */
#ifndef SP_POLL_BYTES
#define SP_POLL_BYTES (64 * 1024)
#endif

/* Bytes allocated since the last collection that trigger the next one. */
#ifndef SP_GC_MIN_DEBT
#define SP_GC_MIN_DEBT (256 * 1024)
#endif

/* A collection runs after allocating this many times the heap that
 * survived the previous one (peak heap about (1 + ratio) x live). */
#ifndef SP_GC_RATIO
#define SP_GC_RATIO 2
#endif

/* Debug builds only (-DSP_GC_STRESS, make test-gcstress): collect at
 * every safe point, VM or C-level (sp_next), once the program allocated
 * 1/SP_GC_STRESS_DIV of its live heap since the last collection, so a
 * value some C code forgot to root is freed while still in use and ASan
 * reports it.  A huge divisor collects at every single safe point.  Above
 * SP_GC_STRESS_HEAP of live heap the normal pacing applies, so programs
 * building huge structures stay linear (the stress is for code paths, and
 * small inputs reach the same ones). */
#ifdef SP_GC_STRESS
#ifndef SP_GC_STRESS_DIV
#define SP_GC_STRESS_DIV 64
#endif
#ifndef SP_GC_STRESS_HEAP
#define SP_GC_STRESS_HEAP (8u << 20)
#endif
#undef SP_GC_MIN_DEBT
#define SP_GC_MIN_DEBT 0
#endif

/* Value stack slots per frame chunk and the total cap (in slots). */
#ifndef SP_STACK_CHUNK
#define SP_STACK_CHUNK 4096
#endif

/* The VM's own host block carries a region (sp_pool.c) for its first pool
 * pages and for blocks of (SP_REGION_SLOT / 2, SP_REGION_SLOT] bytes: the
 * first data-stack chunk and the first AST arena chunk are sized to fill
 * one, so a fresh interpreter running a snippet calls the host allocator
 * once (and frees once). */
#ifndef SP_REGION_SLOT
#define SP_REGION_SLOT (16 * 1024)
#endif

/* Largest single object we will ever try to allocate (guards size math). */
#ifndef SP_MAX_ALLOC
#define SP_MAX_ALLOC ((size_t)1 << 40)
#endif

/* Longest str in bytes (MemoryError beyond): sp_Str keeps 32-bit lengths
 * (a smaller header), and this bound keeps the sum of two from wrapping.
 * Not configurable upwards. */
#define SP_STR_MAX ((size_t)INT32_MAX)

/* Code point -> byte offset in non-ASCII strs (sp_stridx.c): a str of at
 * least SP_STRIDX_MIN code points gets, on its first index, the offset of
 * every SP_STRIDX_STEP-th code point (4 bytes each) in one of
 * SP_STRIDX_SLOTS per-VM cache entries; shorter strs are walked. */
#ifndef SP_STRIDX_MIN
#define SP_STRIDX_MIN 256
#endif
#define SP_STRIDX_STEP 64
#define SP_STRIDX_SLOTS 4

/* Regular expressions. */
/* Largest compiled program (instructions): counted repeats are expanded, so
 * `(a{1000}){1000}` must stop here instead of eating the memory limit. */
#ifndef SP_RE_MAX_PROG
#define SP_RE_MAX_PROG (1 << 18)
#endif
/* Largest dense memo bitmap (bytes) before falling back to a hash set. */
#ifndef SP_RE_BITMAP_MAX
#define SP_RE_BITMAP_MAX ((uint64_t)32 << 20)
#endif
/* Capturing groups in one pattern. */
#ifndef SP_RE_MAX_GROUPS
#define SP_RE_MAX_GROUPS 10000
#endif

/* The quick compiler (sp_qc.c) takes programs up to these sizes (bigger
 * ones go to sp_compile.c straight away: its speed matters for snippets),
 * nests its C recursion this deep and takes t1 = t2 = ... this many
 * targets; past any of them sp_compile.c compiles the program. */
#ifndef SP_QC_MAX_SOURCE
#define SP_QC_MAX_SOURCE (64 * 1024)
#endif
#ifndef SP_QC_MAX_TOKENS
#define SP_QC_MAX_TOKENS 4096
#endif
#ifndef SP_QC_MAX_NEST
#define SP_QC_MAX_NEST 64
#endif
#ifndef SP_QC_MAX_TARGETS
#define SP_QC_MAX_TARGETS 16
#endif

/* CLI defaults (the library itself has no limits unless the host sets them). */
#ifndef SP_CLI_MAX_MEMORY
#define SP_CLI_MAX_MEMORY ((size_t)256 << 20)
#endif
#ifndef SP_CLI_MAX_DURATION
#define SP_CLI_MAX_DURATION 10.0
#endif

#endif
