# Benchmarks (QBENCHMARK). Built with the tests, run by scripts/bench, never timed in unit tests.
pgdial_add_test(NAME bench_hba SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_hba.cpp LABELS bench)

# Startup: tests/bench/startup_bench.py compares `pgdial --screenshot` with this bare Qt program.
add_executable(bench_bare_window ${CMAKE_CURRENT_LIST_DIR}/bench_bare_window.cpp)
target_link_libraries(bench_bare_window PRIVATE pgdial_warnings Qt6::Widgets)
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
    add_test(NAME bench_startup
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/startup_bench.py ${CMAKE_BINARY_DIR} 7)
    # Label `bench`: excluded from the dev/asan test presets, run by scripts/bench (release build).
    set_tests_properties(bench_startup PROPERTIES LABELS bench TIMEOUT 600 RUN_SERIAL TRUE)
endif()

# Typing in the raw editor on a 20,000-line file against a bare QPlainTextEdit.
pgdial_add_test(NAME bench_typing SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_typing.cpp GUI LABELS bench)

# Label `bench`: the dev and asan test presets exclude it.
pgdial_add_test(NAME bench_probe SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_probe.cpp LABELS bench)
# bench_confparse: PGDIAL_BENCH=1 for the 20,000-line measurement against a real server;
# without it, a quick smoke run (2,000 lines, no server).
pgdial_add_test(NAME bench_confparse SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_confparse.cpp LABELS bench TIMEOUT 600)

# One edit in the settings table until the Problems panel is updated (example and 20,000 lines).
pgdial_add_test(NAME bench_settingsedit SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_settingsedit.cpp GUI LABELS bench)
# The tuning wizard's recomputation per input change against reading the project's postgresql.conf.
pgdial_add_test(NAME bench_tuning SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_tuning.cpp GUI LABELS bench)
# How the postgresql.conf, pg_hba.conf and .env parsers scale: time at 4x the lines / time at 1x
# (issue 16). PGDIAL_BENCH=1 for the large sizes; quick otherwise.
pgdial_add_test(NAME bench_scaling SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_scaling.cpp LABELS bench TIMEOUT 600)
