# Warnings as an INTERFACE target, linked PRIVATE to plg's own targets only.
add_library(plg_warnings INTERFACE)
target_compile_options(plg_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wconversion -Wno-sign-conversion)
if(PLG_WERROR)
  target_compile_options(plg_warnings INTERFACE -Werror)
endif()
