# pg_hba.conf engine: parser and validation (part 1), simulator, analysis, lint, edits (part 2).
pgdial_add_test(NAME tst_hbamatcher SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbamatcher.cpp)
pgdial_add_test(NAME tst_hbaanalyzer SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbaanalyzer.cpp)
pgdial_add_test(NAME tst_hbalint SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbalint.cpp)
pgdial_add_test(NAME tst_hbaeditor SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbaeditor.cpp)
pgdial_add_test(NAME tst_hbaprojectcheck SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbaprojectcheck.cpp)
pgdial_add_test(NAME tst_hbaparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbaparser.cpp)
pgdial_add_test(NAME tst_hbaldapurl SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbaldapurl.cpp)
pgdial_add_test(NAME tst_hbaimpact SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbaimpact.cpp)
