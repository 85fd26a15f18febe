# Installs into a scratch DESTDIR and builds the packages: the install tree must hold both
# executables, the example project and valid desktop integration files; CPack must produce a
# .deb and a .tar.gz.
add_test(NAME packaging_install
    COMMAND ${CMAKE_COMMAND}
        -DBUILD_DIR=${PROJECT_BINARY_DIR}
        -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/packaging
        -P ${CMAKE_CURRENT_LIST_DIR}/checkinstall.cmake)
set_tests_properties(packaging_install PROPERTIES LABELS packaging TIMEOUT 300 RUN_SERIAL TRUE)
