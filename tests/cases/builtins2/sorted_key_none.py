print(sorted([3, 1], key=None), sorted('bca', reverse=True), sorted({3: 1, 1: 2}))
