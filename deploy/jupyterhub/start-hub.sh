#!/bin/sh
# Starts the course's JupyterHub: one command, as root (real use) or as anyone on 127.0.0.1 (test).
#   sudo deploy/jupyterhub/start-hub.sh                          PAM login, each student as their own user
#   COURSE_HUB_MODE=test deploy/jupyterhub/start-hub.sh          DummyAuthenticator on 127.0.0.1 (tests)
# Needs: apt-get install -y jupyterhub jupyter-notebook jupyter-client (and Node.js ≥ 20.19), and the
# course built in $COURSE_DIR (npm ci). See deploy/jupyterhub/README.md for every setting.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export COURSE_DIR="${COURSE_DIR:-$(cd "$here/../.." && pwd)}"
export COURSE_HUB_MODE="${COURSE_HUB_MODE:-pam}"
export COURSE_HUB_STATE="${COURSE_HUB_STATE:-/var/lib/course-hub}"
node_bin=$(command -v node) || { echo "start-hub: node is not on PATH" >&2; exit 1; }
command -v jupyterhub >/dev/null || { echo "start-hub: jupyterhub is not installed (apt-get install -y jupyterhub jupyter-notebook jupyter-client)" >&2; exit 1; }
[ -d "$COURSE_DIR/dist" ] && [ -d "$COURSE_DIR/node_modules/tslab" ] || { echo "start-hub: $COURSE_DIR has no dist/ or node_modules/tslab: run npm ci there" >&2; exit 1; }

mkdir -p "$COURSE_HUB_STATE/share/jupyter/kernels/tslab"
chmod 755 "$COURSE_HUB_STATE" "$COURSE_HUB_STATE/share" "$COURSE_HUB_STATE/share/jupyter" "$COURSE_HUB_STATE/share/jupyter/kernels" "$COURSE_HUB_STATE/share/jupyter/kernels/tslab"
# The course's kernelspec for every student: tslab from the notebook's folder, else from the course.
cat > "$COURSE_HUB_STATE/share/jupyter/kernels/tslab/kernel.json" <<JSON
{
  "argv": [
    "$node_bin",
    "-e",
    "require(require.resolve('tslab/dist/main.js', { paths: [process.cwd(), '$COURSE_DIR'] })).startKernel({ configPath: process.argv[1] })",
    "{connection_file}"
  ],
  "display_name": "TypeScript (course, tslab)",
  "language": "typescript"
}
JSON
chmod 644 "$COURSE_HUB_STATE/share/jupyter/kernels/tslab/kernel.json"

if [ "$COURSE_HUB_MODE" != test ] && [ "$(id -u)" = 0 ]; then
  # Students read the course (lessons, engine, tslab) but not the instructor's solutions or rubric.
  chmod -R o+rX "$COURSE_DIR/dist" "$COURSE_DIR/datasets" "$COURSE_DIR/node_modules" "$COURSE_DIR/notebooks"
  for private in "$COURSE_DIR/notebooks/solutions" "$COURSE_DIR/grading" "$COURSE_DIR/executed"; do
    [ -e "$private" ] && chmod -R go-rwx "$private"
  done
  for secret in jupyterhub.sqlite jupyterhub_cookie_secret; do
    [ -e "$COURSE_HUB_STATE/$secret" ] && chmod 600 "$COURSE_HUB_STATE/$secret"
  done
fi

# Debian's configurable-http-proxy finds its modules (commander, …) only with NODE_PATH set.
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
cd "$COURSE_HUB_STATE"
exec jupyterhub -f "$here/jupyterhub_config.py" "$@"
