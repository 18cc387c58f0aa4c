from enum import IntEnum
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
print(Priority.LOW, repr(Priority.HIGH), str(Priority.MEDIUM), f"{Priority.HIGH}", format(Priority.LOW, "03d"))
print(Priority.LOW + 1, Priority.HIGH * 2, Priority.LOW == 1, Priority(2), Priority.LOW < Priority.HIGH)
print(sorted([Priority.HIGH, Priority.LOW, 2]), max(Priority), isinstance(Priority.LOW, int))
print({1: "one"}[Priority.LOW], [10, 20, 30][Priority.MEDIUM], int(Priority.HIGH), Priority.HIGH.value)
print(Priority["LOW"].name, list(Priority))
