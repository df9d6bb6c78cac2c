"""Developer tooling: train, serve, shell, evaluate, benchmark, compare pipelines, tune the classifier."""
