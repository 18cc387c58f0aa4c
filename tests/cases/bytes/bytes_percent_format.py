try:
    print('b"%s" % b"x"', '->', repr(b"%s" % b"x"))
except Exception as e:
    print('b"%s" % b"x"', '!!', type(e).__name__, e)
try:
    print('b"%b" % b"xy"', '->', repr(b"%b" % b"xy"))
except Exception as e:
    print('b"%b" % b"xy"', '!!', type(e).__name__, e)
try:
    print('b"%s" % "str"', '->', repr(b"%s" % "str"))
except Exception as e:
    print('b"%s" % "str"', '!!', type(e).__name__, e)
try:
    print('b"%d|%5d|%-5d|%05d" % (1, 2, 3, 4)', '->', repr(b"%d|%5d|%-5d|%05d" % (1, 2, 3, 4)))
except Exception as e:
    print('b"%d|%5d|%-5d|%05d" % (1, 2, 3, 4)', '!!', type(e).__name__, e)
try:
    print('b"%x %X %o %#x" % (255, 255, 8, 255)', '->', repr(b"%x %X %o %#x" % (255, 255, 8, 255)))
except Exception as e:
    print('b"%x %X %o %#x" % (255, 255, 8, 255)', '!!', type(e).__name__, e)
try:
    print('b"%.2f %e %g" % (1.5, 2.5, 3.5)', '->', repr(b"%.2f %e %g" % (1.5, 2.5, 3.5)))
except Exception as e:
    print('b"%.2f %e %g" % (1.5, 2.5, 3.5)', '!!', type(e).__name__, e)
try:
    print('b"%r" % "é"', '->', repr(b"%r" % "é"))
except Exception as e:
    print('b"%r" % "é"', '!!', type(e).__name__, e)
try:
    print('b"%a" % b"x"', '->', repr(b"%a" % b"x"))
except Exception as e:
    print('b"%a" % b"x"', '!!', type(e).__name__, e)
try:
    print('b"%r" % 1', '->', repr(b"%r" % 1))
except Exception as e:
    print('b"%r" % 1', '!!', type(e).__name__, e)
try:
    print('b"%c" % 65', '->', repr(b"%c" % 65))
except Exception as e:
    print('b"%c" % 65', '!!', type(e).__name__, e)
try:
    print('b"%c" % b"z"', '->', repr(b"%c" % b"z"))
except Exception as e:
    print('b"%c" % b"z"', '!!', type(e).__name__, e)
try:
    print('b"%c" % 256', '->', repr(b"%c" % 256))
except Exception as e:
    print('b"%c" % 256', '!!', type(e).__name__, e)
try:
    print('b"%c" % "a"', '->', repr(b"%c" % "a"))
except Exception as e:
    print('b"%c" % "a"', '!!', type(e).__name__, e)
try:
    print('b"%c" % b"ab"', '->', repr(b"%c" % b"ab"))
except Exception as e:
    print('b"%c" % b"ab"', '!!', type(e).__name__, e)
try:
    print('b"%(k)s" % {b"k": b"v"}', '->', repr(b"%(k)s" % {b"k": b"v"}))
except Exception as e:
    print('b"%(k)s" % {b"k": b"v"}', '!!', type(e).__name__, e)
try:
    print('b"%(k)s" % {"k": b"v"}', '->', repr(b"%(k)s" % {"k": b"v"}))
except Exception as e:
    print('b"%(k)s" % {"k": b"v"}', '!!', type(e).__name__, e)
try:
    print('b"%s %s" % (b"a",)', '->', repr(b"%s %s" % (b"a",)))
except Exception as e:
    print('b"%s %s" % (b"a",)', '!!', type(e).__name__, e)
try:
    print('b"%s" % (b"a", b"b")', '->', repr(b"%s" % (b"a", b"b")))
except Exception as e:
    print('b"%s" % (b"a", b"b")', '!!', type(e).__name__, e)
try:
    print('b"x" % ()', '->', repr(b"x" % ()))
except Exception as e:
    print('b"x" % ()', '!!', type(e).__name__, e)
try:
    print('b"x" % 0', '->', repr(b"x" % 0))
except Exception as e:
    print('b"x" % 0', '!!', type(e).__name__, e)
try:
    print('b"x" % [1]', '->', repr(b"x" % [1]))
except Exception as e:
    print('b"x" % [1]', '!!', type(e).__name__, e)
try:
    print('b"x" % {}', '->', repr(b"x" % {}))
except Exception as e:
    print('b"x" % {}', '!!', type(e).__name__, e)
try:
    print('b"%%" % ()', '->', repr(b"%%" % ()))
except Exception as e:
    print('b"%%" % ()', '!!', type(e).__name__, e)
try:
    print('b"%z" % 1', '->', repr(b"%z" % 1))
except Exception as e:
    print('b"%z" % 1', '!!', type(e).__name__, e)
try:
    print('b"%5s|%-5s|" % (b"ab", b"cd")', '->', repr(b"%5s|%-5s|" % (b"ab", b"cd")))
except Exception as e:
    print('b"%5s|%-5s|" % (b"ab", b"cd")', '!!', type(e).__name__, e)
try:
    print('b"%.1s" % b"abc"', '->', repr(b"%.1s" % b"abc"))
except Exception as e:
    print('b"%.1s" % b"abc"', '!!', type(e).__name__, e)
try:
    print('b"\\xff%s" % b"\\xfe"', '->', repr(b"\xff%s" % b"\xfe"))
except Exception as e:
    print('b"\\xff%s" % b"\\xfe"', '!!', type(e).__name__, e)
try:
    print('b"%i" % 3.7', '->', repr(b"%i" % 3.7))
except Exception as e:
    print('b"%i" % 3.7', '!!', type(e).__name__, e)
try:
    print('b"%s" % bytes(2)', '->', repr(b"%s" % bytes(2)))
except Exception as e:
    print('b"%s" % bytes(2)', '!!', type(e).__name__, e)
try:
    print('b"%d" % "1"', '->', repr(b"%d" % "1"))
except Exception as e:
    print('b"%d" % "1"', '!!', type(e).__name__, e)
try:
    print('b"%*d" % (4, 2)', '->', repr(b"%*d" % (4, 2)))
except Exception as e:
    print('b"%*d" % (4, 2)', '!!', type(e).__name__, e)
try:
    print('"%b" % b"x"', '->', repr("%b" % b"x"))
except Exception as e:
    print('"%b" % b"x"', '!!', type(e).__name__, e)
try:
    print('b"%5c|" % 66', '->', repr(b"%5c|" % 66))
except Exception as e:
    print('b"%5c|" % 66', '!!', type(e).__name__, e)
try:
    print('b"" % ()', '->', repr(b"" % ()))
except Exception as e:
    print('b"" % ()', '!!', type(e).__name__, e)
