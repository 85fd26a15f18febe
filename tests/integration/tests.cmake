pgdial_add_test(NAME tst_pgtestserver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgtestserver.cpp INTEGRATION)
pgdial_add_test(NAME tst_confvalues_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_confvalues_server.cpp INTEGRATION TIMEOUT 600)
pgdial_add_test(NAME tst_pgconf_server SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pgconf_server.cpp INTEGRATION TIMEOUT 600)
get_target_property(pgdial_core_sources pgdial_core SOURCES)
list(FILTER pgdial_core_sources INCLUDE REGEX "confvalidator\\.cpp$")
if(pgdial_core_sources)
    # The parse phase is ours; phases 2 and 3 (names, values) come from ConfValidator once it exists.
    target_compile_definitions(tst_pgconf_server PRIVATE PGDIAL_HAVE_CONF_VALIDATOR)
endif()
