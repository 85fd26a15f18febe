pgdial_add_test(NAME tst_pgtuneprofile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgtuneprofile.cpp)
pgdial_add_test(NAME tst_poolcalculator SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_poolcalculator.cpp)
pgdial_add_test(NAME tst_machinedetector SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_machinedetector.cpp)
pgdial_add_test(NAME tst_pgdialprofile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgdialprofile.cpp)
