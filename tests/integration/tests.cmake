pgdial_add_test(NAME tst_pgtestserver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgtestserver.cpp INTEGRATION)
pgdial_add_test(NAME tst_pgdialprofile_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgdialprofile_server.cpp INTEGRATION TIMEOUT 600)
pgdial_add_test(NAME tst_confvalues_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_confvalues_server.cpp INTEGRATION TIMEOUT 600)
