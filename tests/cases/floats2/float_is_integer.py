print((1e100).is_integer(), (0.5).is_integer(), float('inf').is_integer())
