raise SystemExit("fatal: config missing")
