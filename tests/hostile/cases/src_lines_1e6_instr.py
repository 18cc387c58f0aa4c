# a million short lines (too big for the quick compiler: the parser lexes
# them in runs across line ends): the budget stops the compile
# limits: --max-instructions=100000
# expect: TimeoutError
# stdout: ^$
# source: "print('ran')\n" + 'x = 1\n' * 10**6
