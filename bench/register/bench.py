#!/usr/bin/env python3
"""bench/register: 10,000 digest REGISTERs at rising rates, Carillon vs Kamailio in the same run.

Starts the packaged PBX (pbx/target/carillon-pbx.jar) on a throw-away data folder with a development license,
creates N extensions by CSV import, reads their generated credentials through the API, gives Kamailio the same
users (htable filled at start), then drives both with SIPp (reg_auth_inf.xml: REGISTER, 401, REGISTER with
digest, 200) at each rate, RUNS times. Prints per rate the median achieved rate, failures, retransmissions and
server CPU time per registration (Carillon's write-behind database thread reported apart), and at the end the
highest clean rate of each (no failed registration, retransmissions <= 0.1 % of requests) and the ratio.

usage: bench/register/run.sh [RATES...]   env: USERS=10000 RUNS=3 KEEP=0
"""
import http.cookiejar, json, os, re, shutil, signal, statistics, subprocess, sys, tempfile, threading, time, \
    urllib.request, uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from carillon import ROOT, OWNER, PASSWORD, JAVA, free_port, cpu_seconds, descendants  # noqa: E402
import carillon  # noqa: E402

USERS = int(os.environ.get("USERS", "10000"))
RUNS = int(os.environ.get("RUNS", "3"))
RATES = [int(r) for r in (sys.argv[1:] or ["500", "1000", "2000", "3000", "4000", "5000"])]
FIRST = 100000
# SIPp's socket buffers (SO_RCVBUF/SO_SNDBUF; the kernel doubles it, capped by net.core.rmem_max). SIPp's own default
# is 64 kB (128 kB in effect): one SIPp socket stands in for 10,000 phones, and a burst of answers after any stall of
# the server overflowed it — SIPp dropped them and retransmitted (2026-11-27, see README). 4 MB is what Carillon's own
# SIP socket asks for. SIPP_BUFFER=0 keeps SIPp's default.
SIPP_BUFFER = os.environ.get("SIPP_BUFFER", "4194304")


class Web:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path, accept="text/html"):
        r = self.opener.open(urllib.request.Request(self.base + path, headers={"Accept": accept}), timeout=600)
        return r.read().decode()

    def post(self, path, body, ctype):
        r = self.opener.open(urllib.request.Request(self.base + path, data=body, headers={"Content-Type": ctype},
                                                    method="POST"), timeout=3600)
        return r.read().decode()

    def csrf(self, path):
        return re.search(r'name="_csrf" value="([^"]+)"', self.get(path)).group(1)

    def login(self):
        body = urllib.parse.urlencode({"username": OWNER, "password": PASSWORD, "_csrf": self.csrf("/login")})
        self.post("/login", body.encode(), "application/x-www-form-urlencoded")


def start_carillon(work, http_port, sip_port):
    lic = subprocess.run([JAVA, "-cp", os.path.join(ROOT, "license-key", "target",
                                                      "carillon-license-key-0.1.0-SNAPSHOT.jar"),
                          "org.carillon.licensekey.DevLicenseTool", "--extensions", str(USERS), "--days", "30"],
                         capture_output=True, text=True, check=True).stdout
    open(os.path.join(work, "license.txt"), "w").write(lic)
    return carillon.start_carillon(work, http_port, sip_port, {
        "CARILLON_DEV_LICENSES": "true", "CARILLON_LICENSE_FILE": os.path.join(work, "license.txt"),
        "CARILLON_EXTENSION_NUMBERS": f"{FIRST}-{FIRST + 2 * USERS}"})


def provision(web):
    web.login()
    rows = ["number,email,firstName,lastName,role"] + [f"{FIRST + i},bench{i}@example.com,Bench,{i},agent"
                                                         for i in range(USERS)]
    boundary = uuid.uuid4().hex
    csrf = web.csrf("/extensions/import")
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"users.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\n" + "\n".join(rows) + f"\r\n--{boundary}--\r\n").encode()
    t = time.time()
    page = web.post("/extensions/import", body, "multipart/form-data; boundary=" + boundary)
    created = re.search(r"(\d+) extensions created", page)
    print(f"# provisioned {created.group(1) if created else '?'} extensions by CSV import in {time.time() - t:.0f} s")
    users = []
    for i in range(USERS):
        c = json.loads(web.get(f"/api/v1/extensions/{FIRST + i}/credentials", "application/json"))
        users.append((str(FIRST + i), c["username"], c["password"]))
    return users


def thread_cpu(pid):
    """CPU seconds per kind of thread of a JVM, from /proc/<pid>/task/*/stat (names as the JVM sets them)."""
    kinds = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            raw = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        f = raw.rsplit(")", 1)[1].split()
        # gc: young/mixed pauses (GC workers, the VM thread); gc-concurrent: G1's marking, refinement and service threads
        kind = ("gc" if re.match(r"(GC Thread|VM Thread)", name) else "gc-concurrent" if name.startswith("G1 ")
                else "jit" if name.startswith(("C1 ", "C2 ")) else "sip-io" if name.startswith("sip-io")
                else "sip-timer" if name.startswith("sip-timer") else "virtual threads" if name.startswith("ForkJoinPool") else "db writer" if name == "binding-writer"
                else "other")
        kinds[kind] = kinds.get(kind, 0) + (int(f[11]) + int(f[12])) / carillon.HZ
    return kinds


def live_heap(pid):
    """Bytes of live objects in the JVM: jcmd's class histogram, which runs a full GC first."""
    out = subprocess.run([os.path.join(os.path.dirname(JAVA), "jcmd"), str(pid), "GC.class_histogram"],
                         capture_output=True, text=True, timeout=300).stdout
    return int(re.search(r"^Total\s+\d+\s+(\d+)", out, re.M).group(1))


def start_kamailio(work, port, users):
    run = os.path.join(work, "kam"); os.makedirs(run, exist_ok=True)
    inc = os.path.join(run, "users.cfg")
    with open(inc, "w") as f:
        for _, u, p in users:
            f.write(f'$sht(users=>{u}) = "{p}";\n')
    cfg = open(os.path.join(HERE, "kamailio.cfg")).read().replace("KAM_PORT", str(port)) \
        .replace("KAM_RUN", run).replace("KAM_USERS", inc)
    path = os.path.join(run, "kamailio.cfg"); open(path, "w").write(cfg)
    log = open(os.path.join(run, "kamailio.log"), "w")
    p = subprocess.Popen(["kamailio", "-f", path, "-Y", run, "-P", os.path.join(run, "pid"), "-DD", "-E",
                          # 10,000 htable assignments are parsed into private memory at start: -M 256
                          "-m", "256", "-M", "256"], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(240):
        if p.poll() is not None:
            sys.exit("kamailio exited: " + open(log.name).read()[-2000:])
        probe = subprocess.run(["kamcmd", "-s", "unix:" + os.path.join(run, "kamailio_ctl"), "htable.get", "users",
                                users[-1][1]], capture_output=True, text=True)
        if probe.returncode == 0 and users[-1][1] in probe.stdout:
            return p
        time.sleep(0.25)
    sys.exit("kamailio did not load its users")


def udp_sockets(port):
    """(rx_queue bytes, drops) of each IPv4 UDP socket bound to port, from /proc/net/udp: the receive backlog
    and the datagrams the kernel dropped because the socket's receive buffer was full."""
    found = []
    for line in open("/proc/net/udp").readlines()[1:]:
        f = line.split()
        if int(f[1].split(":")[1], 16) == port:
            found.append((int(f[4].split(":")[1], 16), int(f[-1])))
    return found


def sipp(work, target_port, rate, users_csv, local_port):
    """One SIPp run; also samples, every 0.1 s, the server socket's receive backlog and both sockets' drops:
    what tells a late answer (a backlog) from a lost datagram (a drop) when SIPp retransmits."""
    p = subprocess.Popen(["timeout", "-s", "KILL", "300", "sipp", "-sf", os.path.join(HERE, "reg_auth_inf.xml"),
                          "-inf", users_csv, "-i", "127.0.0.1", "-p", str(local_port), "-mp", str(free_port()),
                          "-r", str(rate), "-m", str(USERS), "-nostdin", "-timeout", "240", "-max_socket", "1000",
                          *(["-buff_size", SIPP_BUFFER] if SIPP_BUFFER != "0" else []),
                          f"127.0.0.1:{target_port}"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                         cwd=work)
    server0 = sum(d for _, d in udp_sockets(target_port))
    watch = {"backlog": 0, "server_drops": 0, "sipp_drops": 0}
    def sample():
        while p.poll() is None:
            srv, cli = udp_sockets(target_port), udp_sockets(local_port)
            watch["backlog"] = max(watch["backlog"], max((q for q, _ in srv), default=0))
            watch["server_drops"] = sum(d for _, d in srv) - server0
            watch["sipp_drops"] = max(watch["sipp_drops"], sum(d for _, d in cli))
            time.sleep(0.1)
    sampler = threading.Thread(target=sample, daemon=True); sampler.start()
    out = p.communicate()[0]
    sampler.join()
    ok = int(re.search(r"Successful call\s*\|\s*\d+\s*\|\s*(\d+)", out).group(1))
    failed = int(re.search(r"Failed call\s*\|\s*\d+\s*\|\s*(\d+)", out).group(1))
    rate_done = float(re.search(r"Call Rate\s*\|.*\|\s*([\d.]+) cps", out).group(1))
    retrans = sum(int(m.group(1)) for m in re.finditer(r"REGISTER ---------->\s+\d+\s+(\d+)", out))
    sipp.watch = watch
    return ok, failed, retrans, rate_done


def measure(name, work, port, pids_of, users_csv, extra=lambda: 0.0, threads=None):
    results = {}
    local = free_port()  # one SIPp port per server: every run refreshes the same 10,000 bindings
    for rate in RATES:
        runs = []
        for _ in range(RUNS):
            pids = pids_of()
            c0, x0, t0 = cpu_seconds(pids), extra(), threads() if threads else {}
            ok, failed, retrans, achieved = sipp(work, port, rate, users_csv, local)
            c1, x1, t1 = cpu_seconds(pids), extra(), threads() if threads else {}
            w = sipp.watch
            print(f"#   {name} {rate}/s UDP: server receive backlog max {w['backlog'] / 1024:.0f} kB, drops at the"
                  f" server {w['server_drops']}, at SIPp {w['sipp_drops']} (/proc/net/udp)", flush=True)
            if threads:
                split = sorted(((k, (t1[k] - t0.get(k, 0)) * 1000 / max(ok, 1)) for k in t1), key=lambda x: -x[1])
                print(f"#   {name} {rate}/s CPU ms/registration by thread: "
                      + ", ".join(f"{k} {v:.3f}" for k, v in split if v >= 0.0005), flush=True)
            jit = (t1.get("jit", 0) - t0.get("jit", 0)) * 1000 / max(ok, 1) if threads else 0.0
            runs.append((achieved, failed, retrans, (c1 - c0) * 1000 / max(ok, 1), (x1 - x0) * 1000 / max(ok, 1), ok,
                         jit))
        med = lambda i: statistics.median(r[i] for r in runs)
        clean = med(1) == 0 and med(2) <= 0.001 * 2 * USERS and med(5) == USERS
        results[rate] = (med(0), med(1), med(2), med(3), med(4), clean)
        db = f", of which database {med(4):.3f} ms, JIT {med(6):.3f} ms" if name == "carillon" else ""
        print(f"# {time.strftime('%H:%M:%S', time.gmtime())} {name} {rate}/s done", flush=True)
        print(f"{name:9s} target {rate:5d}/s: achieved {med(0):7.1f}/s, failed {med(1):.0f}, retrans {med(2):.0f},"
              f" CPU {med(3):.3f} ms/registration{db}{'' if clean else '  (not clean)'}", flush=True)
    return results


def main():
    work = tempfile.mkdtemp(prefix="bench-register-")
    http_port, sip_port, kam_port = free_port(), free_port(), free_port()
    print(f"# bench/register {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}  users {USERS}  runs {RUNS}"
          f"  jar {os.environ.get('JAR', 'pbx/target')}  JAVA_OPTS {os.environ.get('JAVA_OPTS', '')!r}"
          f"  SIPp buffer {SIPP_BUFFER}"
          f"  load {open('/proc/loadavg').read().split()[:3]}  cores {os.cpu_count()}")
    carillon = start_carillon(work, http_port, sip_port)
    kam = None
    try:
        web = Web(f"http://127.0.0.1:{http_port}")
        users = provision(web)
        users_csv = os.path.join(work, "users.csv")
        with open(users_csv, "w") as f:
            f.write("SEQUENTIAL\n")
            for n, u, p in users:
                f.write(f"{n};[authentication username={u} password={p}]\n")
        kam = start_kamailio(work, kam_port, users)
        writer_cpu = lambda: json.loads(web.get("/api/v1/registrar/stats", "application/json"))["writer"]["cpuNanos"] / 1e9
        heap0 = live_heap(carillon.pid)  # before any binding: the figure per binding is the growth from here
        # warm-up of Carillon, not measured: passes at the lowest measured rate until the JIT compilers' share of
        # the pass's CPU time is below 5 % (at most WARMUP passes). The compilation of the REGISTER path is a
        # one-off cost of a fresh JVM, not what a PBX that has been up for an hour spends: warming at 1000/s to 10 %
        # left C2 compiling through the first measured rate (JIT 0.056 of 0.262 ms at 2000/s, 2026-11-27 15:48)
        warm_port, warm_rate = free_port(), int(os.environ.get("WARMUP_RATE", str(min(RATES))))
        for n in range(1, int(os.environ.get("WARMUP", "8")) + 1):
            # the same calls around each pass as around a measured run (the stats read is a web request whose
            # first compilations would otherwise fall into the first measured run)
            t0, c0, _ = thread_cpu(carillon.pid), cpu_seconds([carillon.pid]), writer_cpu()
            sipp(work, sip_port, warm_rate, users_csv, warm_port)
            t1, c1, _ = thread_cpu(carillon.pid), cpu_seconds([carillon.pid]), writer_cpu()
            jit = t1.get("jit", 0) - t0.get("jit", 0)
            print(f"# {time.strftime('%H:%M:%S', time.gmtime())} warm-up pass {n} at {warm_rate}/s:"
                  f" CPU {(c1 - c0) * 1000 / USERS:.3f} ms/registration, of which JIT {jit * 1000 / USERS:.3f} ms",
                  flush=True)
            if jit < 0.05 * (c1 - c0):
                break
        res_c = measure("carillon", work, sip_port, lambda: [carillon.pid], users_csv, writer_cpu,
                        lambda: thread_cpu(carillon.pid))
        carillon_done = time.time()
        res_k = measure("kamailio", work, kam_port, lambda: descendants(kam.pid), users_csv)
        stats = json.loads(web.get("/api/v1/registrar/stats", "application/json"))
        best = lambda r: max([rate for rate, v in r.items() if v[5]], default=0)
        bc, bk = best(res_c), best(res_k)
        cpu = lambda r, b: r[b][3] if b else float("nan")
        print(f"# highest clean rate: carillon {bc}/s, kamailio {bk}/s, ratio {bc / bk if bk else float('nan'):.2f}")
        print(f"# CPU per registration at those rates: carillon {cpu(res_c, bc):.3f} ms "
              f"(database {res_c[bc][4] if bc else float('nan'):.3f} ms), kamailio {cpu(res_k, bk):.3f} ms, "
              f"ratio {cpu(res_c, bc) / cpu(res_k, bk) if bk and bc else float('nan'):.2f}")
        print(f"# bindings held by carillon: {stats['bindings']}, write-behind {stats['writer']}")
        # server transactions of the last run live 64*T1 = 32 s (Timer J): measure the heap once they are gone
        time.sleep(max(0.0, carillon_done + 35 - time.time()))
        heap1 = live_heap(carillon.pid)
        print(f"# carillon live heap {heap0 / 2**20:.0f} MiB before registering, {heap1 / 2**20:.0f} MiB after with"
              f" {stats['bindings']} bindings: {(heap1 - heap0) / max(stats['bindings'], 1):.0f} bytes per binding"
              f" (jcmd GC.class_histogram, after a full GC)")
        rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{carillon.pid}/status").read()).group(1))
        print(f"# carillon RSS {rss / 1024:.0f} MiB with {stats['bindings']} bindings (whole JVM, heap -Xmx1g)")
    finally:
        for p in (kam, carillon):
            if p is not None and p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(20)
                except subprocess.TimeoutExpired:
                    p.kill()
        if os.environ.get("KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("# kept " + work)


if __name__ == "__main__":
    main()
