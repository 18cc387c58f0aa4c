try:
    print('"{".format(1)', '->', repr("{".format(1)))
except Exception as e:
    print('"{".format(1)', '!!', type(e).__name__, e)
try:
    print('"}".format(1)', '->', repr("}".format(1)))
except Exception as e:
    print('"}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0".format(1)', '->', repr("{0".format(1)))
except Exception as e:
    print('"{0".format(1)', '!!', type(e).__name__, e)
try:
    print('"{:d".format(1)', '->', repr("{:d".format(1)))
except Exception as e:
    print('"{:d".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0!}".format(1)', '->', repr("{0!}".format(1)))
except Exception as e:
    print('"{0!}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0!x}".format(1)', '->', repr("{0!x}".format(1)))
except Exception as e:
    print('"{0!x}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0:{1:{2}}}".format(1, 2, 3)', '->', repr("{0:{1:{2}}}".format(1, 2, 3)))
except Exception as e:
    print('"{0:{1:{2}}}".format(1, 2, 3)', '!!', type(e).__name__, e)
try:
    print('"{a.b}".format(a=1)', '->', repr("{a.b}".format(a=1)))
except Exception as e:
    print('"{a.b}".format(a=1)', '!!', type(e).__name__, e)
try:
    print('"{0[x]}".format({"x": 5})', '->', repr("{0[x]}".format({"x": 5})))
except Exception as e:
    print('"{0[x]}".format({"x": 5})', '!!', type(e).__name__, e)
try:
    print('"{0[0]}".format("ab")', '->', repr("{0[0]}".format("ab")))
except Exception as e:
    print('"{0[0]}".format("ab")', '!!', type(e).__name__, e)
try:
    print('"{0[5]}".format("ab")', '->', repr("{0[5]}".format("ab")))
except Exception as e:
    print('"{0[5]}".format("ab")', '!!', type(e).__name__, e)
try:
    print('"{[}".format(1)', '->', repr("{[}".format(1)))
except Exception as e:
    print('"{[}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0.}".format(1)', '->', repr("{0.}".format(1)))
except Exception as e:
    print('"{0.}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0]}".format(1)', '->', repr("{0]}".format(1)))
except Exception as e:
    print('"{0]}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{!r}".format()', '->', repr("{!r}".format()))
except Exception as e:
    print('"{!r}".format()', '!!', type(e).__name__, e)
try:
    print('"{1}".format(1)', '->', repr("{1}".format(1)))
except Exception as e:
    print('"{1}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{-1}".format(1)', '->', repr("{-1}".format(1)))
except Exception as e:
    print('"{-1}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0:<{w}}".format("a", w=4)', '->', repr("{0:<{w}}".format("a", w=4)))
except Exception as e:
    print('"{0:<{w}}".format("a", w=4)', '!!', type(e).__name__, e)
try:
    print('"{:{}}".format("a")', '->', repr("{:{}}".format("a")))
except Exception as e:
    print('"{:{}}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{x}{}".format(1, x=2)', '->', repr("{x}{}".format(1, x=2)))
except Exception as e:
    print('"{x}{}".format(1, x=2)', '!!', type(e).__name__, e)
try:
    print('"{}{1}".format(1, 2)', '->', repr("{}{1}".format(1, 2)))
except Exception as e:
    print('"{}{1}".format(1, 2)', '!!', type(e).__name__, e)
try:
    print('"{0}{}".format(1, 2)', '->', repr("{0}{}".format(1, 2)))
except Exception as e:
    print('"{0}{}".format(1, 2)', '!!', type(e).__name__, e)
try:
    print('"{:%Y}".format(1)', '->', repr("{:%Y}".format(1)))
except Exception as e:
    print('"{:%Y}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{:,s}".format("a")', '->', repr("{:,s}".format("a")))
except Exception as e:
    print('"{:,s}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:=}".format("a")', '->', repr("{:=}".format("a")))
except Exception as e:
    print('"{:=}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:+s}".format("a")', '->', repr("{:+s}".format("a")))
except Exception as e:
    print('"{:+s}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:#s}".format("a")', '->', repr("{:#s}".format("a")))
except Exception as e:
    print('"{:#s}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:0s}".format("a")', '->', repr("{:0s}".format("a")))
except Exception as e:
    print('"{:0s}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:c}".format(-1)', '->', repr("{:c}".format(-1)))
except Exception as e:
    print('"{:c}".format(-1)', '!!', type(e).__name__, e)
try:
    print('"{:c}".format(1.5)', '->', repr("{:c}".format(1.5)))
except Exception as e:
    print('"{:c}".format(1.5)', '!!', type(e).__name__, e)
try:
    print('"{:.2d}".format(5)', '->', repr("{:.2d}".format(5)))
except Exception as e:
    print('"{:.2d}".format(5)', '!!', type(e).__name__, e)
try:
    print('"{:,x}".format(5)', '->', repr("{:,x}".format(5)))
except Exception as e:
    print('"{:,x}".format(5)', '!!', type(e).__name__, e)
try:
    print('"{:_b}".format(255)', '->', repr("{:_b}".format(255)))
except Exception as e:
    print('"{:_b}".format(255)', '!!', type(e).__name__, e)
try:
    print('"{:,_}".format(5)', '->', repr("{:,_}".format(5)))
except Exception as e:
    print('"{:,_}".format(5)', '!!', type(e).__name__, e)
try:
    print('"{:__}".format(5)', '->', repr("{:__}".format(5)))
except Exception as e:
    print('"{:__}".format(5)', '!!', type(e).__name__, e)
try:
    print('"{:.}".format(5.0)', '->', repr("{:.}".format(5.0)))
except Exception as e:
    print('"{:.}".format(5.0)', '!!', type(e).__name__, e)
try:
    print('"{:10000000000000000000}".format(5)', '->', repr("{:10000000000000000000}".format(5)))
except Exception as e:
    print('"{:10000000000000000000}".format(5)', '!!', type(e).__name__, e)
try:
    print('"{:.1000000000000000000f}".format(5.0)', '->', repr("{:.1000000000000000000f}".format(5.0)))
except Exception as e:
    print('"{:.1000000000000000000f}".format(5.0)', '!!', type(e).__name__, e)
try:
    print('"%(a)s %s" % {"a": 1}', '->', repr("%(a)s %s" % {"a": 1}))
except Exception as e:
    print('"%(a)s %s" % {"a": 1}', '!!', type(e).__name__, e)
try:
    print('"%s %(a)s" % {"a": 1}', '->', repr("%s %(a)s" % {"a": 1}))
except Exception as e:
    print('"%s %(a)s" % {"a": 1}', '!!', type(e).__name__, e)
try:
    print('"%(a" % {"a": 1}', '->', repr("%(a" % {"a": 1}))
except Exception as e:
    print('"%(a" % {"a": 1}', '!!', type(e).__name__, e)
try:
    print('"%.*f" % (2,)', '->', repr("%.*f" % (2,)))
except Exception as e:
    print('"%.*f" % (2,)', '!!', type(e).__name__, e)
try:
    print('"%*s" % ("a", "b")', '->', repr("%*s" % ("a", "b")))
except Exception as e:
    print('"%*s" % ("a", "b")', '!!', type(e).__name__, e)
try:
    print('"%c" % "ab"', '->', repr("%c" % "ab"))
except Exception as e:
    print('"%c" % "ab"', '!!', type(e).__name__, e)
try:
    print('"%c" % 1114112', '->', repr("%c" % 1114112))
except Exception as e:
    print('"%c" % 1114112', '!!', type(e).__name__, e)
try:
    print('"%d" % None', '->', repr("%d" % None))
except Exception as e:
    print('"%d" % None', '!!', type(e).__name__, e)
try:
    print('"%5" % 1', '->', repr("%5" % 1))
except Exception as e:
    print('"%5" % 1', '!!', type(e).__name__, e)
try:
    print('"%s" % {}', '->', repr("%s" % {}))
except Exception as e:
    print('"%s" % {}', '!!', type(e).__name__, e)
try:
    print('"a".format_map({})', '->', repr("a".format_map({})))
except Exception as e:
    print('"a".format_map({})', '!!', type(e).__name__, e)
try:
    print('"{a}".format_map({"a": 1})', '->', repr("{a}".format_map({"a": 1})))
except Exception as e:
    print('"{a}".format_map({"a": 1})', '!!', type(e).__name__, e)
try:
    print('"{a}".format_map({})', '->', repr("{a}".format_map({})))
except Exception as e:
    print('"{a}".format_map({})', '!!', type(e).__name__, e)
try:
    print('"{0}".format_map({})', '->', repr("{0}".format_map({})))
except Exception as e:
    print('"{0}".format_map({})', '!!', type(e).__name__, e)
try:
    print('"{a}".format_map([])', '->', repr("{a}".format_map([])))
except Exception as e:
    print('"{a}".format_map([])', '!!', type(e).__name__, e)
