# pgdial_add_test(NAME tst_x SOURCES a.cpp [LIBS ...] [GUI] [INTEGRATION] [LABELS ...] [TIMEOUT s])
# The one way tests are registered: builds the executable against pgdial_testsupport and Qt Test,
# runs GUI tests on the offscreen platform, labels each test (unit, gui, cli, integration), and
# keeps tests away from the user's settings through QStandardPaths' test mode (see testsupport).
function(pgdial_add_test)
    cmake_parse_arguments(PARSE_ARGV 0 T "GUI;INTEGRATION;RUN_SERIAL" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS")
    if(NOT T_NAME OR NOT T_SOURCES)
        message(FATAL_ERROR "pgdial_add_test needs NAME and SOURCES")
    endif()
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE pgdial_warnings pgdial_testsupport Qt6::Test ${T_LIBS})
    if(T_GUI)
        target_link_libraries(${T_NAME} PRIVATE pgdial_ui)
    else()
        target_precompile_headers(${T_NAME} REUSE_FROM pgdial_testsupport)
    endif()
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})

    set(labels ${T_LABELS})
    set(environment "PGDIAL_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
    if(T_GUI)
        list(APPEND labels gui)
        list(APPEND environment "QT_QPA_PLATFORM=offscreen")
    elseif(T_INTEGRATION)
        list(APPEND labels integration)
    elseif(NOT labels)
        list(APPEND labels unit)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${labels}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "${environment}")
    if(T_RUN_SERIAL)
        set_tests_properties(${T_NAME} PROPERTIES RUN_SERIAL TRUE)
    endif()
endfunction()
