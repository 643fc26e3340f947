# ASan + UBSan as an INTERFACE target; every plg target links it, so one option
# switches the library, the executable and the tests together.
add_library(plg_sanitizers INTERFACE)
if(PLG_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PLG_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  set(PLG_SANITIZE ON)
  # Coverage for the fuzzer in every plg target; the fuzz targets add the driver.
  target_compile_options(plg_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(PLG_SANITIZE)
  set(_plg_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(plg_sanitizers INTERFACE ${_plg_san})
  target_link_options(plg_sanitizers INTERFACE ${_plg_san})
endif()
