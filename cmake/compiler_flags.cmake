# Warnings, sanitizers and ccache for every smith target.

find_program(SMITH_CCACHE ccache)
if(SMITH_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${SMITH_CCACHE}")
endif()

# smith_target_flags(<target>): the warning set every first-party target compiles with.
function(smith_target_flags target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wimplicit-fallthrough)
  if(SMITH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(SMITH_SANITIZE)
  # Applied globally so that gtest's main and every library agree on the runtime.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
