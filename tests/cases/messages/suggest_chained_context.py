class Config:
    def __init__(self):
        self.verbose = True
cfg = Config()
try:
    cfg.verbos
except AttributeError:
    raise RuntimeError("config broken")
