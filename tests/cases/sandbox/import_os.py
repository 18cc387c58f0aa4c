# sandpy-expected: no host modules
for m in ["os", "sys", "subprocess", "io", "socket", "builtins", "importlib", "ctypes"]:
    try:
        __mod = None
        exec_ok = False
        if m == "os": import os
        elif m == "sys": import sys
        elif m == "subprocess": import subprocess
        elif m == "io": import io
        elif m == "socket": import socket
        elif m == "builtins": import builtins
        elif m == "importlib": import importlib
        else: import ctypes
        print(m, "imported")
    except ModuleNotFoundError as e:
        print(type(e).__name__, e)
import os
