raise AttributeError("custom message")
