pgdial_add_test(NAME tst_appserverchecks SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_appserverchecks.cpp)
pgdial_add_test(NAME tst_appconfigchecker SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_appconfigchecker.cpp)
pgdial_add_test(NAME tst_apphbachecks SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apphbachecks.cpp)
