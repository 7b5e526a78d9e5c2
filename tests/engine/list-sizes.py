# list-sizes.py — what this machine's CPython really allocates for a list
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints one record a line for test-policy-python, which replays the same
# operations through the "cpython" growth policy:
#   python VERSION IMPLEMENTATION
#   empty BYTES                 sys.getsizeof([])
#   append LENGTH CAPACITY      appends from empty, every change
#   appended LENGTH CAPACITY    where those appends ended
#   extend K LENGTH CAPACITY    l.extend(<list of K>), one chain from empty
#   fresh K CAPACITY            [].extend(<list of K>)
#   range N CAPACITY            list(range(N))
#   rappend N LENGTH CAPACITY   appends to list(range(N)), every change

import platform
import sys

APPENDS = 100_000
EMPTY = sys.getsizeof([])
SLOT = 8


def capacity(lst):
    return (sys.getsizeof(lst) - EMPTY) // SLOT


def emit(*fields):
    sys.stdout.write(" ".join(str(f) for f in fields) + "\n")


def appends_from_empty():
    lst = []
    last = capacity(lst)
    for i in range(APPENDS):
        lst.append(i)
        cap = capacity(lst)
        if cap != last:
            emit("append", len(lst), cap)
            last = cap
    emit("appended", len(lst), last)


def extend_sizes(count):
    # A fixed pseudo-random mix: mostly small batches, some large jumps.
    state = 12345
    for _ in range(count):
        state = (state * 1103515245 + 12345) % 2**31
        pick = state % 100
        if pick < 55:
            yield 1 + state % 8
        elif pick < 85:
            yield 9 + state % 300
        else:
            yield 300 + state % 20_000


def extend_chain():
    lst = []
    for k in list(extend_sizes(400)) + [1, 2, 3, 4, 100_000, 1, 7]:
        lst.extend([0] * k)
        emit("extend", k, len(lst), capacity(lst))


def fresh_extends():
    for k in list(range(1, 70)) + [99, 100, 101, 1000, 4097, 65_535, 65_536]:
        lst = []
        lst.extend([0] * k)
        emit("fresh", k, capacity(lst))


def ranges():
    for n in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 99, 100, 101,
              1001, 12_345, 65_537, 99_999, 1_000_001):
        lst = list(range(n))
        emit("range", n, capacity(lst))
        last = capacity(lst)
        # Enough appends for several reallocations, whatever the size.
        for i in range(n // 2 + 200):
            lst.append(i)
            cap = capacity(lst)
            if cap != last:
                emit("rappend", n, len(lst), cap)
                last = cap


emit("python", platform.python_version(), platform.python_implementation())
emit("empty", EMPTY)
appends_from_empty()
extend_chain()
fresh_extends()
ranges()
