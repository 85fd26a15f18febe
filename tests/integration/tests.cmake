pgdial_add_test(NAME tst_pgtestserver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgtestserver.cpp INTEGRATION)
pgdial_add_test(NAME tst_hbaparser_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbaparser_server.cpp INTEGRATION TIMEOUT 600)
pgdial_add_test(NAME tst_hbasimulator_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbasimulator_server.cpp INTEGRATION TIMEOUT 600)
