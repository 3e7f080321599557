"""What the SIP benchmarks (bench/calls, bench/register, and bench/blf through bench/calls) share: the packaged
PBX started on a throw-away data folder, free loopback ports, and the CPU time of server processes from /proc."""
import os, shutil, socket, subprocess, sys, time, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OWNER, PASSWORD = "owner@carillon.local", "bench password 0123456789"
HZ = os.sysconf("SC_CLK_TCK")
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    return p


def free_tcp_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    return p


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return total / HZ


def thread_cpu(pid):
    """CPU seconds (user + system) of each thread of pid by thread name, digits folded ("sip-io-N-N"), from
    /proc/pid/task/*/stat: where a JVM burns its time (event loops, virtual-thread carriers, GC, JIT)."""
    per = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return per
    for tid in tasks:
        try:
            raw = open(f"/proc/{pid}/task/{tid}/stat").read()
        except (FileNotFoundError, ProcessLookupError):
            continue
        name = "".join("N" if c.isdigit() else c for c in raw[raw.index("(") + 1:raw.rindex(")")])
        f = raw.rsplit(")", 1)[1].split()
        per[name] = per.get(name, 0) + (int(f[11]) + int(f[12])) / HZ
    return per


def descendants(pid):
    """pid and every process below it (Kamailio's workers)."""
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout.split("\n")
    kids = {}
    for line in out:
        if line.strip():
            p, pp = map(int, line.split())
            kids.setdefault(pp, []).append(p)
    result, todo = [pid], [pid]
    while todo:
        for k in kids.get(todo.pop(), []):
            result.append(k); todo.append(k)
    return result


def start_carillon(work, http_port, sip_port, settings):
    """Starts the packaged PBX (or $JAR, e.g. a baseline build; $JAVA_OPTS, e.g. a flight recording) with data in
    work/data, the given CARILLON_* settings on top of the ones every bench needs, and waits for its health."""
    jar = os.environ.get("JAR", os.path.join(ROOT, "pbx", "target", "carillon-pbx.jar"))
    if not os.path.exists(jar):
        sys.exit("build the PBX first: mvn -o -q -B -pl pbx package -DskipTests")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARILLON_")}
    env.update(CARILLON_DATA_DIR=os.path.join(work, "data"), CARILLON_PBX_HTTP_PORT=str(http_port),
               CARILLON_SIP_PORT=str(sip_port), CARILLON_BIND="127.0.0.1", CARILLON_OWNER_PASSWORD=PASSWORD,
               # the benches call from one source address: no bans, and no keep-alive traffic in the way
               CARILLON_SIP_BAN_FAILURES="1000000", CARILLON_REGISTRAR_KEEPALIVE_SECONDS="0")
    env.update(settings)
    log = open(os.path.join(work, "carillon.log"), "w")
    p = subprocess.Popen([JAVA, "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                          *os.environ.get("JAVA_OPTS", "").split(), "-jar", jar], cwd=work, env=env,
                         stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 600  # a start on a busy shared machine took over 3 minutes
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{http_port}/actuator/health", timeout=2)
            return p
        except Exception:
            if p.poll() is not None:
                sys.exit("Carillon exited; see " + log.name)
            time.sleep(0.25)
    p.kill()
    sys.exit("Carillon did not start")


def stop_all(procs, work, seconds=10):
    """Ends a bench: SIGTERM to every process still running (last started first), SIGKILL after `seconds`, and the
    work folder removed unless KEEP=1."""
    for p in reversed([p for p in procs if p is not None]):
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(seconds)
            except subprocess.TimeoutExpired:
                p.kill()
    if os.environ.get("KEEP") != "1":
        shutil.rmtree(work, ignore_errors=True)
