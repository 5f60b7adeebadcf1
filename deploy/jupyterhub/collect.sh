#!/bin/sh
# Collects every student's lessons for grading: ~/course/notebooks/NN-*.ipynb of each home under
# HOMES (default /home) is copied to OUT/<student>/ (read-only copies; the homes are not touched).
#   sudo deploy/jupyterhub/collect.sh collected/ [HOMES]
# Then: node build/tools/course.js grade collected/ --out graded/   (as an unprivileged account)
set -eu
out=${1:?usage: collect.sh OUT_DIR [HOMES_DIR]}
homes=${2:-/home}
mkdir -p "$out"
count=0
for home in "$homes"/*/; do
  student=$(basename "$home")
  [ -d "$home/course/notebooks" ] || continue
  for notebook in "$home"/course/notebooks/[0-9][0-9]-*.ipynb; do
    [ -f "$notebook" ] || continue
    name=$(basename "$notebook")
    case "$name" in *" (updated "*) continue ;; esac  # the instructor's pushed copies are not the student's
    # A symlink could point out of the home: skipped, never followed.
    [ -L "$notebook" ] && continue
    mkdir -p "$out/$student"
    cp "$notebook" "$out/$student/$name"
    chmod 444 "$out/$student/$name"
    count=$((count + 1))
  done
done
echo "collected $count notebooks into $out"
