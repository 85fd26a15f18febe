pgdial_add_test(NAME tst_pgtuneprofile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgtuneprofile.cpp)
