print(abs(-3), abs(3.5), abs(-2**70), abs(True), abs(-0.0))
