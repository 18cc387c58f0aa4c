# many short lines the quick compiler takes (lexed in runs across line ends):
# every token is charged to the budget, so compiling alone exceeds it
# limits: --max-instructions=500
# expect: TimeoutError
# stdout: ^$
# source: "print('ran')\nif 0:\n" + '  x = 1\n' * 900
