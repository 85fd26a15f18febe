# Benchmarks (QBENCHMARK). Built with the tests, run by scripts/bench, never timed in unit tests.

# Startup: tests/bench/startup_bench.py compares `pgdial --screenshot` with this bare Qt program.
add_executable(bench_bare_window ${CMAKE_CURRENT_LIST_DIR}/bench_bare_window.cpp)
target_link_libraries(bench_bare_window PRIVATE pgdial_warnings Qt6::Widgets)
