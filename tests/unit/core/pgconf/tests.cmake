pgdial_add_test(NAME tst_confparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_confparser.cpp)
pgdial_add_test(NAME tst_confloader SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_confloader.cpp)
pgdial_add_test(NAME tst_parametercatalog SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_parametercatalog.cpp)
pgdial_add_test(NAME tst_valueparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_valueparser.cpp)
