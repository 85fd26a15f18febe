pgdial_add_test(NAME tst_mainwindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mainwindow.cpp GUI)
pgdial_add_test(NAME tst_screenshot SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_screenshot.cpp GUI)
add_dependencies(tst_screenshot pgdial)
pgdial_add_test(NAME tst_projectdocument SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_projectdocument.cpp GUI)
pgdial_add_test(NAME tst_sourceview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sourceview.cpp GUI)
pgdial_add_test(NAME tst_editing SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_editing.cpp GUI)
pgdial_add_test(NAME tst_settingseditor SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_settingseditor.cpp GUI)
# Against a real TLS server the test starts (PgTestServer), in the main window.
pgdial_add_test(NAME tst_connectiontester SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_connectiontester.cpp GUI LABELS integration TIMEOUT 300)
