print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e20).as_integer_ratio())
