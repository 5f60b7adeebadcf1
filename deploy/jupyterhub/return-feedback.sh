#!/bin/sh
# Returns each student's feedback page from `course grade --out GRADED` to their home, as
# ~/course/feedback.html, owned by them (replaces only the previous feedback page).
#   sudo deploy/jupyterhub/return-feedback.sh graded/ [HOMES]
set -eu
graded=${1:?usage: return-feedback.sh GRADED_DIR [HOMES_DIR]}
homes=${2:-/home}
for page in "$graded"/feedback/*.html; do
  [ -f "$page" ] || continue
  student=$(basename "$page" .html)
  target="$homes/$student/course"
  [ -d "$target" ] && [ ! -L "$target" ] || { echo "no course folder for $student, skipped" >&2; continue; }
  [ -L "$target/feedback.html" ] && rm -f "$target/feedback.html"
  cp "$page" "$target/feedback.html.tmp.$$"
  if [ "$(id -u)" = 0 ]; then chown "$student:" "$target/feedback.html.tmp.$$" 2>/dev/null || true; fi
  mv "$target/feedback.html.tmp.$$" "$target/feedback.html"
  echo "returned $student"
done
