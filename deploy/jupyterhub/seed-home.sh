#!/bin/sh
# Runs as the student, before their notebook server (the hub's Spawner.cmd), then execs the server.
#
# First login: copies the course's lessons into ~/course/notebooks and links ~/course/dist,
# ~/course/datasets and ~/course/node_modules to the course's installation ($COURSE_DIR), so that the
# lessons' `import * as dl from "../dist"` works in the student's copy.
# Later logins: never touches a file the student has. A lesson the instructor has changed since the
# student's copy was made arrives beside it as "NN-topic (updated YYYY-MM-DD).ipynb" (once per change).
# New lessons are copied in. What was copied is remembered in ~/course/.seeded/<lesson>.sha256.
set -eu
course_dir=${COURSE_DIR:-/srv/course}
home_course="$HOME/course"
mkdir -p "$home_course/notebooks" "$home_course/.seeded"
for link in dist datasets node_modules; do
  if [ ! -e "$home_course/$link" ] && [ ! -L "$home_course/$link" ]; then
    ln -s "$course_dir/$link" "$home_course/$link"
  fi
done
for lesson in "$course_dir"/notebooks/[0-9][0-9]-*.ipynb; do
  [ -f "$lesson" ] || continue
  name=$(basename "$lesson")
  mine="$home_course/notebooks/$name"
  record="$home_course/.seeded/$name.sha256"
  sum=$(sha256sum "$lesson" | cut -d' ' -f1)
  if [ ! -e "$mine" ] && [ ! -e "$record" ]; then
    cp "$lesson" "$mine.tmp.$$" && mv -n "$mine.tmp.$$" "$mine"
    rm -f "$mine.tmp.$$"
    echo "$sum" > "$record"
  elif [ "$(cat "$record" 2>/dev/null || true)" != "$sum" ]; then
    # The instructor changed this lesson: a new file beside the student's, never over it.
    updated="$home_course/notebooks/${name%.ipynb} (updated $(date +%Y-%m-%d)).ipynb"
    if [ ! -e "$updated" ]; then
      cp "$lesson" "$updated.tmp.$$" && mv -n "$updated.tmp.$$" "$updated"
      rm -f "$updated.tmp.$$"
    fi
    echo "$sum" > "$record"
  fi
done
exec "$@"
