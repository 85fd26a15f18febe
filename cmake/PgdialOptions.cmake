# pgdial_warnings: language level, warnings and sanitizers; every target gets these.
# pgdial_options: pgdial_warnings plus Qt's strictness defines; every product target links it
# PRIVATE. Tests link only pgdial_warnings: string literals there are test data, not UI text.
add_library(pgdial_warnings INTERFACE)
target_compile_features(pgdial_warnings INTERFACE cxx_std_20)
target_compile_options(pgdial_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough
    $<$<BOOL:${PGDIAL_WARNINGS_AS_ERRORS}>:-Werror>)

# lld links the ~90 test executables (static pgdial_core/pgdial_ui with debug info) several times
# faster than GNU ld; CI links each of them twice (dev and asan).
if(PGDIAL_USE_LLD)
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-fuse-ld=lld" PGDIAL_HAVE_LLD)
    if(PGDIAL_HAVE_LLD)
        target_link_options(pgdial_warnings INTERFACE -fuse-ld=lld)
    endif()
endif()

add_library(pgdial_options INTERFACE)
target_link_libraries(pgdial_options INTERFACE pgdial_warnings)
target_compile_definitions(pgdial_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)

if(PGDIAL_SANITIZE)
    target_compile_options(pgdial_warnings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(pgdial_warnings INTERFACE -fsanitize=address,undefined)
endif()
