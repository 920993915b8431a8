# jianzheng.pc (the C++ library) and jianzheng_c.pc (the C ABI, for C hosts and cgo), included
# from the top-level install section.
#
# Relocatable: prefix is ${pcfiledir} and the relative way up from <libdir>/pkgconfig, so the
# files stay right after `cmake --install --prefix DIR`, under a DESTDIR, or in a moved tree.
# A static C++ library lists what it links as public Requires/Libs, so
# `pkg-config --libs jianzheng` links without --static; a shared one keeps them private.
# Keep the lists below in step with target_link_libraries(jianzheng ...): the consumer test
# (tests/consumer/pkg_config) links with nothing but `pkg-config --libs`.

set(_pc_dir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(JIANZHENG_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _up "/jianzheng-prefix/${_pc_dir}" "/jianzheng-prefix")
  string(REGEX REPLACE "/$" "" _up "${_up}")
  set(JIANZHENG_PC_PREFIX "\${pcfiledir}/${_up}")
endif()
foreach(_kind LIB INCLUDE DATA)
  set(_dir "${CMAKE_INSTALL_${_kind}DIR}")
  if(IS_ABSOLUTE "${_dir}")
    set(JIANZHENG_PC_${_kind}DIR "${_dir}")
  else()
    set(JIANZHENG_PC_${_kind}DIR "\${prefix}/${_dir}")
  endif()
endforeach()

# The libraries the static C++ library needs: the pkg-config modules Debian ships, plus
# Boost.JSON (no .pc on Debian) and the thread library.
set(_pc_modules "icu-uc icu-i18n libcrypto xlsxwriter libzip expat")
set(_pc_libs "-lboost_json")
get_target_property(_boost_json_location Boost::json LOCATION)
if(_boost_json_location)
  get_filename_component(_boost_json_dir "${_boost_json_location}" DIRECTORY)
  if(NOT _boost_json_dir IN_LIST CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES)
    set(_pc_libs "-L${_boost_json_dir} ${_pc_libs}")
  endif()
endif()
if(CMAKE_THREAD_LIBS_INIT)
  string(APPEND _pc_libs " ${CMAKE_THREAD_LIBS_INIT}")
endif()
if(JIANZHENG_SHARED)
  set(JIANZHENG_PC_REQUIRES "Requires.private: ${_pc_modules}")
  set(JIANZHENG_PC_LIBS "Libs: -L\${libdir} -ljianzheng\nLibs.private: ${_pc_libs}")
else()
  set(JIANZHENG_PC_REQUIRES "Requires: ${_pc_modules}")
  set(JIANZHENG_PC_LIBS "Libs: -L\${libdir} -ljianzheng ${_pc_libs}")
endif()

configure_file(${CMAKE_CURRENT_LIST_DIR}/jianzheng.pc.in
               "${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/jianzheng.pc" @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/jianzheng_c.pc.in
               "${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/jianzheng_c.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/jianzheng.pc" DESTINATION "${_pc_dir}")
if(TARGET jianzheng_c)
  install(FILES "${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/jianzheng_c.pc" DESTINATION "${_pc_dir}")
endif()
