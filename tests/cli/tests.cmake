pgdial_add_test(NAME tst_cli_check SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_check.cpp LABELS cli)
add_dependencies(tst_cli_check pgdial-cli)
pgdial_add_test(NAME tst_cli_probe SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_probe.cpp LABELS cli)
add_dependencies(tst_cli_probe pgdial-cli)
