#!/usr/bin/env python3
# reproduce.py — a List Lab experiment, run again in plain Python.
#
# @TITLE@
#
# Written by List Lab @VERSION@. It grows the list as the run did and prints
# each reallocation: with no option, the notebook's line; with --csv, the
# first six columns of the run's events CSV, row for row. The element
# counted in a line is the list's length after the append that grew it.
#
# A list of Python objects under a CPython policy is a real list, measured
# with sys.getsizeof, when this interpreter is the CPython the policy
# mirrors; an array.array run is a real array in any CPython, an np.append
# run a real NumPy array where NumPy is installed; every other run applies
# the policy's rule, as List Lab does. --rule applies the rule in any case.
# Which one it is goes to standard error.

import sys

POLICY = "@POLICY@"
INCREMENT = @INCREMENT@
FACTOR = @FACTOR@
CONSTANT = @CONSTANT@
ROUND = @ROUND@
ELEMENT = "@ELEMENT@"
SLOT_BYTES = @SLOT_BYTES@
HEADER_BYTES = @HEADER_BYTES@
INITIAL_LENGTH = @INITIAL_LENGTH@
BATCH = @BATCH@
FINAL_LENGTH = @FINAL_LENGTH@

# Go's malloc size classes (bytes) for small objects.
GO_SIZE_CLASSES = [
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240,
    256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024,
    1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864,
    5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568,
    14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
]


def round_up(n, multiple):
    return -(-n // multiple) * multiple


def container_bytes(capacity):
    return HEADER_BYTES + SLOT_BYTES * capacity


def initial_capacity(length):
    # CPython >= 3.10 preallocates list(range(n)) rounded up to even.
    if POLICY == "cpython":
        return round_up(length, 2)
    # array('q', range(n)) appends the items one by one.
    if POLICY == "cpython-array":
        capacity = 0
        while capacity < length:
            capacity = resize(capacity, capacity, capacity + 1)
        return capacity
    return length


def go_roundup(elements):
    if elements <= (32768 - 8) // 8:
        for size in GO_SIZE_CLASSES:
            if size >= elements * 8:
                return size // 8
    return round_up(elements, 8192 // 8)


def custom(capacity, new_length):
    product = capacity * FACTOR
    nearest = float(round(product))
    # A factor typed as a decimal (1.1) is a hair off in binary.
    if abs(product - nearest) <= product * 2 * sys.float_info.epsilon:
        product = nearest
    product = -(-product // 1)
    grown = int(product) if product >= 1 else 0
    return round_up(max(grown + CONSTANT, new_length), max(ROUND, 1))


def resize(length, capacity, new_length):
    """The capacity after growing a list of `length` to `new_length`."""
    if POLICY in ("cpython", "cpython-3.8"):
        # Objects/listobject.c list_resize()
        if capacity >= new_length and new_length >= capacity // 2:
            return capacity
        if new_length == 0:
            return 0
        if POLICY == "cpython-3.8":
            return new_length + (new_length >> 3) + (3 if new_length < 9 else 6)
        if length == 0 and capacity == 0 and new_length > 1:
            return round_up(new_length, 2)
        slack = (new_length >> 3) + 6
        slack -= (new_length + slack) & 3
        if new_length - length > slack:
            return round_up(new_length, 4)
        return new_length + slack
    if new_length <= capacity:
        return capacity
    if POLICY == "cpython-array":
        # Modules/arraymodule.c array_resize()
        return new_length + (new_length >> 4) + (3 if length < 8 else 7)
    if POLICY == "numpy-append":
        return new_length
    if POLICY == "double":
        return length + max(length, new_length - length)
    if POLICY == "msvc":
        return max(capacity + capacity // 2, new_length)
    if POLICY == "java":
        if capacity == 0:
            return max(10, new_length)
        return capacity + max(new_length - capacity, capacity >> 1)
    if POLICY == "go":
        doubled = 2 * capacity
        if new_length > doubled:
            grown = new_length
        elif capacity < 256:
            grown = doubled
        else:
            grown = capacity
            while grown < new_length:
                grown += (grown + 3 * 256) >> 2
        return go_roundup(grown)
    if POLICY == "rust":
        return max(4, 2 * capacity, new_length)
    if POLICY == "dotnet":
        return max(4 if capacity == 0 else 2 * capacity, new_length)
    if POLICY == "fixed":
        return max(new_length, capacity + max(INCREMENT, 1))
    return custom(capacity, new_length)


def by_rule():
    """(length, old capacity, new capacity) of each reallocation."""
    length, capacity = INITIAL_LENGTH, initial_capacity(INITIAL_LENGTH)
    while length < FINAL_LENGTH:
        # Appends that fit leave the capacity alone: on to the first that does not.
        appends = max(capacity - length, 0) // BATCH
        fill_to = length + appends * BATCH
        if fill_to >= FINAL_LENGTH:
            return
        new_length = min(fill_to + BATCH, FINAL_LENGTH)
        new_capacity = resize(fill_to, capacity, new_length)
        if new_capacity != capacity:
            yield new_length, capacity, new_capacity
        length, capacity = new_length, new_capacity


def by_list():
    """The same, from a real list measured with sys.getsizeof."""
    items = list(range(INITIAL_LENGTH))
    last = sys.getsizeof(items)
    n = INITIAL_LENGTH
    append = items.append
    boxed = ELEMENT == "boxed"
    while n < FINAL_LENGTH:
        if BATCH == 1:
            append(n if boxed else 1)
            n += 1
        else:
            k = min(BATCH, FINAL_LENGTH - n)
            items.extend(list(range(n, n + k)) if boxed else [1] * k)
            n += k
        size = sys.getsizeof(items)
        if size != last:
            yield n, (last - HEADER_BYTES) // 8, (size - HEADER_BYTES) // 8
            last = size


def by_array():
    """The same, from a real array.array measured with sys.getsizeof."""
    from array import array
    typecode = "q" if SLOT_BYTES == 8 else "i"
    empty = sys.getsizeof(array(typecode))
    itemsize = array(typecode).itemsize
    items = array(typecode, range(INITIAL_LENGTH))
    last = sys.getsizeof(items)
    n = INITIAL_LENGTH
    while n < FINAL_LENGTH:
        if BATCH == 1:
            items.append(n)
            n += 1
        else:
            k = min(BATCH, FINAL_LENGTH - n)
            items.extend(array(typecode, range(n, n + k)))
            n += k
        size = sys.getsizeof(items)
        if size != last:
            yield n, (last - empty) // itemsize, (size - empty) // itemsize
            last = size


def by_numpy():
    """The same, from np.append on a real NumPy array."""
    import numpy as np
    dtype = np.int64 if SLOT_BYTES == 8 else np.int32
    empty = sys.getsizeof(np.empty(0, dtype))
    items = np.arange(INITIAL_LENGTH, dtype=dtype)
    last = sys.getsizeof(items)
    n = INITIAL_LENGTH
    while n < FINAL_LENGTH:
        k = min(BATCH, FINAL_LENGTH - n)
        items = np.append(items, np.arange(n, n + k, dtype=dtype))
        n += k
        size = sys.getsizeof(items)
        if size != last:
            yield n, (last - empty) // SLOT_BYTES, (size - empty) // SLOT_BYTES
            last = size


def numpy_here():
    if POLICY != "numpy-append":
        return None
    try:
        import numpy
    except ImportError:
        return None
    return numpy.__version__


def real_array_here():
    from array import array
    return (POLICY == "cpython-array" and sys.implementation.name == "cpython"
            and array("q" if SLOT_BYTES == 8 else "i").itemsize == SLOT_BYTES)


def real_list_here():
    if ELEMENT not in ("shared", "boxed") or sys.implementation.name != "cpython":
        return False
    # A list's slots are pointers: 8 bytes only in a 64-bit interpreter.
    if sys.maxsize != 2 ** 63 - 1:
        return False
    if POLICY == "cpython":
        return sys.version_info >= (3, 10)
    if POLICY == "cpython-3.8":
        return (3, 4) <= sys.version_info < (3, 9)
    return False


def main():
    csv = "--csv" in sys.argv[1:]
    python = "%s %d.%d.%d" % ((sys.implementation.name,) + tuple(sys.version_info[:3]))
    if "--rule" in sys.argv[1:]:
        steps, how = by_rule(), "the policy's rule"
    elif real_array_here():
        steps, how = by_array(), "a real array.array in " + python
    elif real_list_here():
        steps, how = by_list(), "a real list in " + python
    elif numpy_here():
        steps, how = by_numpy(), "a real NumPy %s array in %s" % (numpy_here(), python)
    else:
        steps, how = by_rule(), "the policy's rule"
    print("# " + how, file=sys.stderr)
    if csv:
        print("length,old_capacity,new_capacity,old_bytes,new_bytes,bytes_added")
    for length, old, new in steps:
        before, after = container_bytes(old), container_bytes(new)
        if csv:
            print(f"{length},{old},{new},{before},{after},{after - before}")
        else:
            print(f"Memory used after appending element {length}: {after / 1024 ** 2:.3f} MB, "
                  f"added {(after - before) / 1024 ** 2:.3f} MB")


if __name__ == "__main__":
    main()
