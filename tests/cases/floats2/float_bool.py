print(bool(0.0), bool(-0.0), bool(float('nan')), bool(1e-300))
