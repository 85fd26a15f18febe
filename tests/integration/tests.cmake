pgdial_add_test(NAME tst_pgtestserver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgtestserver.cpp INTEGRATION)
pgdial_add_test(NAME tst_connectionprobe SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_connectionprobe.cpp INTEGRATION)
add_dependencies(tst_connectionprobe pgdial-cli)
