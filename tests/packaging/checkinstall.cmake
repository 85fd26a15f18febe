# cmake -DBUILD_DIR=... -DWORK_DIR=... -P checkinstall.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(ENV{DESTDIR} "${WORK_DIR}/root")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix /usr RESULT_VARIABLE result OUTPUT_QUIET)
unset(ENV{DESTDIR})
if(result)
    message(FATAL_ERROR "cmake --install failed")
endif()

set(root "${WORK_DIR}/root/usr")
foreach(expected
        bin/pgdial bin/pgdial-cli
        share/applications/pgdial.desktop
        share/metainfo/io.github.pgdial.pgdial.metainfo.xml
        share/icons/hicolor/scalable/apps/pgdial.svg
        share/pgdial/examples/api-forge/config.yaml
        share/pgdial/examples/api-forge/.env.example
        share/pgdial/examples/api-forge/infra/docker/prod/postgres/postgresql.conf
        share/pgdial/examples/api-forge/infra/docker/prod/postgres/pg_hba.conf)
    if(NOT EXISTS "${root}/${expected}")
        message(FATAL_ERROR "not installed: ${expected}")
    endif()
endforeach()

# The installed CLI finds nothing wrong with the installed example project.
execute_process(COMMAND "${root}/bin/pgdial-cli" check "${root}/share/pgdial/examples/api-forge"
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "installed pgdial-cli check failed (${result}): ${out}${err}")
endif()

find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
    execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} "${root}/share/applications/pgdial.desktop"
        RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(result)
        message(FATAL_ERROR "desktop-file-validate: ${out}${err}")
    endif()
endif()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    execute_process(COMMAND ${APPSTREAMCLI} validate --no-net --pedantic --explain
            "${root}/share/metainfo/io.github.pgdial.pgdial.metainfo.xml"
        RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(result)
        message(FATAL_ERROR "appstreamcli validate: ${out}${err}")
    endif()
endif()

execute_process(COMMAND cpack -G "DEB;TGZ" -B "${WORK_DIR}/packages"
    WORKING_DIRECTORY "${BUILD_DIR}" RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(result)
    message(FATAL_ERROR "cpack failed: ${out}${err}")
endif()
file(GLOB debs "${WORK_DIR}/packages/*.deb")
file(GLOB tarballs "${WORK_DIR}/packages/*.tar.gz")
if(NOT debs OR NOT tarballs)
    message(FATAL_ERROR "cpack made no .deb or no .tar.gz")
endif()
