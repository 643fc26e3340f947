# ASan + UBSan as an INTERFACE target; every plg target links it, so one option
# switches the library, the executable and the tests together.
add_library(plg_sanitizers INTERFACE)
if(PLG_SANITIZE)
  set(_plg_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(plg_sanitizers INTERFACE ${_plg_san})
  target_link_options(plg_sanitizers INTERFACE ${_plg_san})
endif()
