# Benchmarks (QBENCHMARK). Built with the tests, run by scripts/bench, never timed in unit tests.
# Label `bench`: the dev and asan test presets exclude it.
pgdial_add_test(NAME bench_probe SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_probe.cpp LABELS bench)
