# Writes the served openapi.json: the TEMPLATE (service/openapi.json) with each schema of
# SCHEMAS ("Name=file.schema.json", files under SCHEMAS_DIR) set as components/schemas/Name,
# and info/version set to VERSION. Inputs: TEMPLATE, SCHEMAS_DIR, SCHEMAS, VERSION, OUT.
file(READ "${TEMPLATE}" doc)
foreach(pair IN LISTS SCHEMAS)
  string(REGEX MATCH "^[^=]*" name "${pair}")
  string(REGEX REPLACE "^[^=]*=" "" schema_file "${pair}")
  file(READ "${SCHEMAS_DIR}/${schema_file}" schema)
  string(JSON doc SET "${doc}" components schemas ${name} "${schema}")
endforeach()
string(JSON doc SET "${doc}" info version "\"${VERSION}\"")
file(WRITE "${OUT}.tmp" "${doc}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
