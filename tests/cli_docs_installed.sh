#!/bin/sh
# consumer.cli_docs_installed: after `cmake --install --prefix PREFIX`, the man page and the
# bash completion are where man and bash-completion look, they are what the installed program
# prints now, the page renders, and the completion drives the installed program (item ids).
set -eu
prefix=$1 mandir=$2 datadir=$3
program=$prefix/bin/jianzheng
page=$prefix/$mandir/man1/jianzheng.1
completion=$prefix/$datadir/bash-completion/completions/jianzheng
test -s "$page"
test -s "$completion"
"$program" --man-page | cmp - "$page"
"$program" --bash-completion | cmp - "$completion"
if command -v groff >/dev/null 2>&1; then
  LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww "$page" 2>&1 >/dev/null | (! grep .)
fi
replies=$(bash -c '. "$1"; COMP_WORDS=("$2" show kin); COMP_CWORD=2; _jianzheng; printf "%s\n" "${COMPREPLY[@]}"' \
  sh "$completion" "$program")
test "$replies" = kinship
echo "installed: $page, $completion"
