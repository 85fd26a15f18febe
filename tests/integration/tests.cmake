pgdial_add_test(NAME tst_pgtestserver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgtestserver.cpp INTEGRATION)
pgdial_add_test(NAME tst_confvalues_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_confvalues_server.cpp INTEGRATION TIMEOUT 600)
pgdial_add_test(NAME tst_pgconf_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgconf_server.cpp INTEGRATION TIMEOUT 600)
get_target_property(pgdial_core_sources pgdial_core SOURCES)
list(FILTER pgdial_core_sources INCLUDE REGEX "confvalidator\\.cpp$")
if(pgdial_core_sources)
    # The parse phase is ours; phases 2 and 3 (names, values) come from ConfValidator once it exists.
    target_compile_definitions(tst_pgconf_server PRIVATE PGDIAL_HAVE_CONF_VALIDATOR)
endif()
pgdial_add_test(NAME tst_confeditor_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_confeditor_server.cpp INTEGRATION TIMEOUT 600)
pgdial_add_test(NAME tst_pgdialprofile_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgdialprofile_server.cpp INTEGRATION TIMEOUT 600)
pgdial_add_test(NAME tst_hbaparser_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbaparser_server.cpp INTEGRATION TIMEOUT 600)
pgdial_add_test(NAME tst_hbasimulator_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbasimulator_server.cpp INTEGRATION TIMEOUT 600)
pgdial_add_test(NAME tst_connectionprobe SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_connectionprobe.cpp INTEGRATION)
add_dependencies(tst_connectionprobe pgdial-cli)
pgdial_add_test(NAME tst_datetime_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_datetime_server.cpp INTEGRATION TIMEOUT 300)
# scripts/confdiff, a quick fixed-seed run on one server (about 30 s): generated postgresql.conf
# files read by pgdial-cli and by the server must agree. The full tool runs by hand (README).
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND)
    add_test(NAME confdiff_quick
             COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/confdiff --majors preferred --cases 40 --seed 3
                     --jobs 1 --local-server --quiet --cli $<TARGET_FILE:pgdial-cli>)
    set_tests_properties(confdiff_quick PROPERTIES LABELS integration TIMEOUT 300 SKIP_RETURN_CODE 77)
endif()
# Build features (ldap, gssapi, pam) judged by servers built without them (npm) and with them (Debian).
pgdial_add_test(NAME tst_hbabuild_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hbabuild_server.cpp INTEGRATION TIMEOUT 600)
add_dependencies(tst_hbabuild_server pgdial-cli)
pgdial_add_test(NAME tst_drift_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_drift_server.cpp INTEGRATION TIMEOUT 600)
add_dependencies(tst_drift_server pgdial-cli)
