pgdial_add_test(NAME tst_messagecatalogue SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_messagecatalogue.cpp)
pgdial_add_test(NAME tst_conninfoinspector SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_conninfoinspector.cpp)
pgdial_add_test(NAME tst_serverchecks SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_serverchecks.cpp)
pgdial_add_test(NAME tst_proberunner SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_proberunner.cpp)
