# Benchmarks (QBENCHMARK). Built with the tests, run by scripts/bench, never timed in unit tests.
# bench_probe: the connection tester against psql (ratio); not registered with ctest.
add_executable(bench_probe ${CMAKE_CURRENT_LIST_DIR}/bench_probe.cpp)
target_link_libraries(bench_probe PRIVATE pgdial_warnings pgdial_testsupport Qt6::Test)
