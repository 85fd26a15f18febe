# pgdial_testsupport: what every test shares: paths, the CLI runner, throwaway PostgreSQL servers.
add_library(pgdial_testsupport STATIC
    ${CMAKE_CURRENT_LIST_DIR}/clirunner.cpp ${CMAKE_CURRENT_LIST_DIR}/clirunner.h
    ${CMAKE_CURRENT_LIST_DIR}/pgconfprobe.cpp ${CMAKE_CURRENT_LIST_DIR}/pgconfprobe.h
    ${CMAKE_CURRENT_LIST_DIR}/hbaserver.cpp ${CMAKE_CURRENT_LIST_DIR}/hbaserver.h
    ${CMAKE_CURRENT_LIST_DIR}/fakepglistener.cpp ${CMAKE_CURRENT_LIST_DIR}/fakepglistener.h
    ${CMAKE_CURRENT_LIST_DIR}/pginstallation.cpp ${CMAKE_CURRENT_LIST_DIR}/pginstallation.h
    ${CMAKE_CURRENT_LIST_DIR}/pgtestserver.cpp ${CMAKE_CURRENT_LIST_DIR}/pgtestserver.h
    ${CMAKE_CURRENT_LIST_DIR}/testcertificates.cpp ${CMAKE_CURRENT_LIST_DIR}/testcertificates.h
    ${CMAKE_CURRENT_LIST_DIR}/testenvironment.cpp ${CMAKE_CURRENT_LIST_DIR}/testenvironment.h
    ${CMAKE_CURRENT_LIST_DIR}/testfiles.h
    ${CMAKE_CURRENT_LIST_DIR}/testpaths.h)
# Includes name their folder from tests/: "support/testpaths.h", "gui/guitesthelpers.h".
target_include_directories(pgdial_testsupport PUBLIC "${PROJECT_SOURCE_DIR}/tests")
target_compile_definitions(pgdial_testsupport PUBLIC
    PGDIAL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PGDIAL_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    PGDIAL_EXAMPLES_DIR="${PROJECT_SOURCE_DIR}/resources/examples"
    PGDIAL_CLI_PATH="$<TARGET_FILE:pgdial-cli>"
    PGDIAL_APP_PATH="$<TARGET_FILE:pgdial>")
target_link_libraries(pgdial_testsupport
    PUBLIC pgdial_core Qt6::Test Qt6::Core PostgreSQL::PostgreSQL
    PRIVATE pgdial_warnings)
target_precompile_headers(pgdial_testsupport PRIVATE <QtTest> <QString> <QByteArray> <QList> <QTemporaryDir>)
