# Writes the served openapi.json from the TEMPLATE (service/openapi.json): every string
# "@NAME.schema.json@" becomes the content of docs/schemas/NAME.schema.json (under
# SCHEMAS_DIR), unchanged, and "@PROJECT_VERSION@" the VERSION. Inputs: TEMPLATE,
# SCHEMAS_DIR, VERSION, OUT. A placeholder naming a missing schema fails the build.
file(READ "${TEMPLATE}" doc)
string(REGEX MATCHALL "\"@[a-z_-]+\\.schema\\.json@\"" placeholders "${doc}")
list(REMOVE_DUPLICATES placeholders)
foreach(placeholder IN LISTS placeholders)
  string(REGEX REPLACE "^\"@(.*)@\"$" "\\1" schema_file "${placeholder}")
  if(NOT EXISTS "${SCHEMAS_DIR}/${schema_file}")
    message(FATAL_ERROR "openapi.json names ${schema_file}, which is not in ${SCHEMAS_DIR}")
  endif()
  file(READ "${SCHEMAS_DIR}/${schema_file}" schema)
  string(STRIP "${schema}" schema)
  string(REPLACE "${placeholder}" "${schema}" doc "${doc}")
endforeach()
string(REPLACE "\"@PROJECT_VERSION@\"" "\"${VERSION}\"" doc "${doc}")
file(WRITE "${OUT}.tmp" "${doc}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
