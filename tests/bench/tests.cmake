# Benchmarks (QBENCHMARK). Built with the tests, run by scripts/bench, never timed in unit tests.
pgdial_add_test(NAME bench_hba SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_hba.cpp LABELS bench)
# Label `bench`: the dev and asan test presets exclude it.
pgdial_add_test(NAME bench_probe SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_probe.cpp LABELS bench)
# bench_confparse: PGDIAL_BENCH=1 for the 20,000-line measurement against a real server;
# without it, a quick smoke run (2,000 lines, no server).
pgdial_add_test(NAME bench_confparse SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_confparse.cpp LABELS bench TIMEOUT 600)
