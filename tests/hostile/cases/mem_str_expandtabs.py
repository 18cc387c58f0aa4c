# CPython: OverflowError (width must fit a C int)
# limits: --max-duration=1
# expect: OverflowError|MemoryError
'a\tb'.expandtabs(10**10)
