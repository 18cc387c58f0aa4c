# Constant statements are dropped; the last expression is the run result.
'not a docstring after a statement' if False else None
x = 1
"a string statement"
42
...
(1)
(1, 2)
-1
x
