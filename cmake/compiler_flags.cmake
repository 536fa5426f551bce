# Warnings, sanitizers and ccache for every smith target.

find_program(SMITH_CCACHE ccache)
if(SMITH_CCACHE)
  # The Python package's build tree and build/release compile the same sources with the same
  # flags (scripts/setup.sh asks for them). With -g, ccache hashes the working directory (each
  # build tree) into every result unless told not to; with that off, the second tree is served
  # from the cache instead of compiled again. (No CCACHE_BASEDIR: it would rewrite the absolute
  # source paths relative to each tree, which differ in depth.)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CMAKE_COMMAND}" -E env CCACHE_NOHASHDIR=1 "${SMITH_CCACHE}")
endif()

# smith_target_flags(<target>): the warning set every first-party target compiles with.
function(smith_target_flags target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wimplicit-fallthrough)
  if(SMITH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # GCC 12 reports false -Wrestrict positives for `"literal" + std::string` at -O2 (GCC bug
  # 105329, fixed in GCC 13); everything else stays an error.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()

if(SMITH_SANITIZE)
  # Applied globally so that gtest's main and every library agree on the runtime.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
