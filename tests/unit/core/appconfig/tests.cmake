pgdial_add_test(NAME tst_envfile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_envfile.cpp)
pgdial_add_test(NAME tst_variableresolver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_variableresolver.cpp)
pgdial_add_test(NAME tst_connectionurl SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_connectionurl.cpp)
pgdial_add_test(NAME tst_appconfigfile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_appconfigfile.cpp LIBS yaml-cpp)
