#!/bin/sh
# Settings given as files (NAME_FILE=/run/secrets/name, as Docker secrets arrive) become
# NAME, for programs that read only the environment (the Prisma CLI); then runs the command.
set -eu
for file_var in $(env | sed -n 's/^\([A-Z][A-Z0-9_]*\)_FILE=.*/\1/p'); do
  eval "file=\${${file_var}_FILE}"
  # shellcheck disable=SC2154 # set by the eval above
  [ -r "$file" ] || { echo "${file_var}_FILE: cannot read $file" >&2; exit 1; }
  value=$(cat "$file")
  export "$file_var=$value"
  unset "${file_var}_FILE"
done
exec "$@"
