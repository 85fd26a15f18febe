# Benchmarks (QBENCHMARK). Built with the tests, run by scripts/bench, never timed in unit tests.
