pgdial_add_test(NAME tst_mainwindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mainwindow.cpp GUI)
pgdial_add_test(NAME tst_screenshot SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_screenshot.cpp GUI)
add_dependencies(tst_screenshot pgdial)
