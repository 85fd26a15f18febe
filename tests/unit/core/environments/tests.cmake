pgdial_add_test(NAME tst_postgresimage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_postgresimage.cpp)
pgdial_add_test(NAME tst_composedocument SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_composedocument.cpp)
pgdial_add_test(NAME tst_environmentdetector SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_environmentdetector.cpp)
pgdial_add_test(NAME tst_targetversion SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_targetversion.cpp)
