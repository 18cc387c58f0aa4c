# sandpy-expected: no host modules
from os import path
