# Writes the man page and the bash completion by running the built program (`jianzheng
# --man-page`, `jianzheng --bash-completion`), so both come from the text of --help.
# Called by tools/CMakeLists.txt with PROGRAM, MAN and COMPLETION set.
foreach(pair "--man-page;${MAN}" "--bash-completion;${COMPLETION}")
  list(GET pair 0 option)
  list(GET pair 1 out)
  get_filename_component(dir "${out}" DIRECTORY)
  file(MAKE_DIRECTORY "${dir}")
  execute_process(COMMAND "${PROGRAM}" ${option} OUTPUT_FILE "${out}.tmp" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    file(REMOVE "${out}.tmp")
    message(FATAL_ERROR "${PROGRAM} ${option} failed: ${result}")
  endif()
  file(RENAME "${out}.tmp" "${out}")
endforeach()
