"""A reader child that misbehaves on purpose, for the sandbox's tests: it hangs on "hang" and dies on
anything else, as a parser stuck in a loop or a C library's crash would."""

from __future__ import annotations

import os
import pickle
import sys
import time

if __name__ == "__main__":
    _, kind, _data, _name = pickle.load(sys.stdin.buffer)
    if kind == "hang":
        time.sleep(600)
    os._exit(3)
