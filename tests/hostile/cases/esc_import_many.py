# limits: 
# expect: ok
# stdout: ^(ModuleNotFoundError\n){21}$
try:
    import os
    print('ESCAPED os')
except ImportError as e:
    print(type(e).__name__)
try:
    import sys
    print('ESCAPED sys')
except ImportError as e:
    print(type(e).__name__)
try:
    import subprocess
    print('ESCAPED subprocess')
except ImportError as e:
    print(type(e).__name__)
try:
    import ctypes
    print('ESCAPED ctypes')
except ImportError as e:
    print(type(e).__name__)
try:
    import builtins
    print('ESCAPED builtins')
except ImportError as e:
    print(type(e).__name__)
try:
    import importlib
    print('ESCAPED importlib')
except ImportError as e:
    print(type(e).__name__)
try:
    import posix
    print('ESCAPED posix')
except ImportError as e:
    print(type(e).__name__)
try:
    import io
    print('ESCAPED io')
except ImportError as e:
    print(type(e).__name__)
try:
    import gc
    print('ESCAPED gc')
except ImportError as e:
    print(type(e).__name__)
try:
    import socket
    print('ESCAPED socket')
except ImportError as e:
    print(type(e).__name__)
try:
    import signal
    print('ESCAPED signal')
except ImportError as e:
    print(type(e).__name__)
try:
    import pickle
    print('ESCAPED pickle')
except ImportError as e:
    print(type(e).__name__)
try:
    import marshal
    print('ESCAPED marshal')
except ImportError as e:
    print(type(e).__name__)
try:
    import inspect
    print('ESCAPED inspect')
except ImportError as e:
    print(type(e).__name__)
try:
    import types
    print('ESCAPED types')
except ImportError as e:
    print(type(e).__name__)
try:
    import threading
    print('ESCAPED threading')
except ImportError as e:
    print(type(e).__name__)
try:
    import _thread
    print('ESCAPED _thread')
except ImportError as e:
    print(type(e).__name__)
try:
    import time
    print('ESCAPED time')
except ImportError as e:
    print(type(e).__name__)
try:
    import shutil
    print('ESCAPED shutil')
except ImportError as e:
    print(type(e).__name__)
try:
    import pathlib
    print('ESCAPED pathlib')
except ImportError as e:
    print(type(e).__name__)
try:
    from os import system
    print('ESCAPED')
except ImportError as e:
    print(type(e).__name__)
