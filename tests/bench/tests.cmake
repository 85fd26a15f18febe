# Benchmarks (QBENCHMARK). Built with the tests, run by scripts/bench, never timed in unit tests.
# bench_confparse: a quick smoke run under ctest; PGDIAL_BENCH=1 for the 20,000-line measurement
# against a real server (label `bench`; `ctest -LE bench` leaves it out entirely).
pgdial_add_test(NAME bench_confparse SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_confparse.cpp LABELS bench TIMEOUT 600)
