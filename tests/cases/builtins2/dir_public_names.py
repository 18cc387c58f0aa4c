print([m for m in dir([]) if not m.startswith("_")], [m for m in dir("") if not m.startswith("_")][:10], [m for m in dir({}) if not m.startswith("_")])
