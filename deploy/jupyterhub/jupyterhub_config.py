# JupyterHub configuration for a class taking the course (Debian's jupyterhub 3.x, with Debian's
# configurable-http-proxy). Start it with deploy/jupyterhub/start-hub.sh; see deploy/jupyterhub/README.md.
#
# Settings come from the environment (start-hub.sh sets them):
#   COURSE_DIR        the course's installation, read-only for students (default /srv/course)
#   COURSE_HUB_STATE  the hub's own files: database, cookie secret, kernelspec (default /var/lib/course-hub)
#   COURSE_HUB_MODE   "pam" (default: students log in with their system account and run as that user),
#                     "native" (jupyterhub-nativeauthenticator, if installed: students sign up, the
#                     instructor approves), or "test" (DummyAuthenticator, every server runs as the hub's
#                     own user on 127.0.0.1: for the test suite and the load test only)
#   COURSE_HUB_IP, COURSE_HUB_PORT   where the proxy listens (default 0.0.0.0:8000; test: 127.0.0.1)
#   COURSE_HUB_API_PORT, COURSE_PROXY_API_PORT   the hub's and the proxy's own ports (8081, 8001)
#   COURSE_HUB_TEST_TOKEN            test mode only: an API token with admin rights, for the tests
#   COURSE_MEM_LIMIT, COURSE_CPU_LIMIT   per-student limits (default 1G, 1), enforced where the spawner can
import os
import sys

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

here = os.path.dirname(os.path.abspath(__file__))
course_dir = os.path.abspath(os.environ.get("COURSE_DIR", os.path.join(here, "..", "..")))
state = os.environ.get("COURSE_HUB_STATE", "/var/lib/course-hub")
mode = os.environ.get("COURSE_HUB_MODE", "pam")
os.makedirs(state, exist_ok=True)

c.JupyterHub.ip = os.environ.get("COURSE_HUB_IP", "127.0.0.1" if mode == "test" else "0.0.0.0")
c.JupyterHub.port = int(os.environ.get("COURSE_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("COURSE_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%s" % os.environ.get("COURSE_PROXY_API_PORT", "8001")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "proxy.pid")
# A restart of the hub leaves the students' servers (and their kernels) running; their notebooks
# are files in their homes either way.
c.JupyterHub.cleanup_servers = False

# The course's kernel for every student: a kernelspec that finds tslab in the course's installation
# (start-hub.sh writes it under $COURSE_HUB_STATE/share/jupyter), put on each server's JUPYTER_PATH.
jupyter_path = os.path.join(state, "share", "jupyter")
env = {
    "JUPYTER_PATH": jupyter_path,
    "COURSE_DIR": course_dir,
    # The kernels' JavaScript heap; the spawner's memory limit (where enforced) bounds the rest.
    "NODE_OPTIONS": "--max-old-space-size=" + os.environ.get("COURSE_KERNEL_HEAP_MB", "768"),
    # Threads of the engine's fast kernels per student kernel (lib/kernels/fast/thread-pool.ts):
    # a class shares the machine's cores, so one each unless said otherwise.
    "DL_THREADS": os.environ.get("COURSE_KERNEL_THREADS", "1"),
}
c.Spawner.environment = env

# Each server starts through seed-home.sh, as the student: it copies the lessons into ~/course on
# first login and never overwrites them (an updated lesson arrives as a new file beside theirs).
c.Spawner.cmd = [os.path.join(here, "seed-home.sh"), "jupyterhub-singleuser"]
c.Spawner.default_url = "/tree/course/notebooks"
c.Spawner.notebook_dir = "~"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# Idle culling without an extra service: each single-user server (Notebook 6) shuts down idle
# kernels after 30 min and itself after 60 min without activity; the hub sees it stop.
c.Spawner.args = [
    "--MappingKernelManager.cull_idle_timeout=1800",
    "--MappingKernelManager.cull_interval=300",
    "--MappingKernelManager.cull_connected=True",
    "--NotebookApp.shutdown_no_activity_timeout=3600",
]

# Per-student limits. LocalProcessSpawner (one machine, below) cannot enforce them: it only passes
# MEM_LIMIT/CPU_LIMIT to the server. DockerSpawner and KubeSpawner enforce both (see
# deploy/jupyterhub/README.md); on one machine the kernels' heap limit above is what holds.
c.Spawner.mem_limit = os.environ.get("COURSE_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(os.environ.get("COURSE_CPU_LIMIT", "1"))

if mode == "test":
    # Tests only: anyone logs in with the test password, and every server runs as the hub's own
    # user (root in CI) in a home under the state folder. Refused unless the hub listens on localhost.
    if c.JupyterHub.ip not in ("127.0.0.1", "localhost"):
        sys.exit("course hub: test mode listens on 127.0.0.1 only (it has no real authentication)")
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = os.environ.get("COURSE_HUB_TEST_PASSWORD", "course-test")
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(state, "homes", "{username}")
    if os.geteuid() == 0:
        c.Spawner.args = c.Spawner.args + ["--allow-root"]
    token = os.environ.get("COURSE_HUB_TEST_TOKEN")
    if token:
        c.JupyterHub.services = [{"name": "course-test", "api_token": token}]
        c.JupyterHub.load_roles = [
            {
                "name": "course-test",
                "scopes": ["admin:users", "admin:servers", "access:servers", "read:users", "list:users"],
                "services": ["course-test"],
            }
        ]
elif mode == "native":
    c.JupyterHub.authenticator_class = "native"
    c.JupyterHub.spawner_class = "localprocess"
    c.Authenticator.admin_users = set(filter(None, os.environ.get("COURSE_HUB_ADMINS", "").split(",")))
elif mode == "pam":
    # Real use: students log in with their system account (PAM) and each server runs as that user,
    # so students cannot read each other's homes. Create the accounts with adduser, or let the admin
    # add users in the hub's admin page (create_system_users).
    c.JupyterHub.authenticator_class = "pam"
    c.JupyterHub.spawner_class = "localprocess"
    c.LocalAuthenticator.create_system_users = True
    c.Authenticator.admin_users = set(filter(None, os.environ.get("COURSE_HUB_ADMINS", "").split(",")))
    allowed = os.environ.get("COURSE_HUB_STUDENTS_GROUP")
    if allowed:
        c.LocalAuthenticator.allowed_groups = {allowed}
else:
    sys.exit('course hub: COURSE_HUB_MODE must be "pam", "native" or "test", got "%s"' % mode)
