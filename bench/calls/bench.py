#!/usr/bin/env python3
"""bench/calls: 1-second calls at rising rates, Carillon (B2BUA, media anchored) vs Kamailio (stateful proxy).

Carillon: the packaged PBX (pbx/target/carillon-pbx.jar) on a throw-away data folder; two extensions created
through the REST API; SIPp registers the callee (MD5 digest) and answers at once (carillon_callee.xml); a second
SIPp places authenticated calls (carillon_caller.xml: INVITE, 407, ACK, INVITE with Proxy-Authorization, 200, ACK,
1 s, BYE). Every Carillon call opens two RTP legs and bridges them (SIPp sends no RTP here: signalling-only CPU).
Kamailio (Debian): the record-routing stateful proxy of TESTING-TOOLS.md §3 between a SIPp caller (kamailio_caller
.xml) and a registered SIPp callee (kamailio_callee.xml), no auth, in the same run.

Per rate and server, RUNS runs; prints the median achieved call rate, failed calls, retransmissions (caller and
callee SIPp together) and the server's CPU time per call; then the highest clean rate of each (no failed call,
retransmissions <= 0.1 % of messages) and the ratio.

usage: bench/calls/run.sh [RATES...]     env: RUNS=3 SECONDS_PER_RUN=8 WARMUP_RATE=200 WARMUP_SECONDS=(SECONDS_PER_RUN)
                                         KEEP=0 JAVA_OPTS= JAR=
                                         CARILLON_ONLY=1 (skip Kamailio, e.g. comparing two builds)
                                         THREADS=1 (each run's window and the server's CPU per thread, for
                                         jfr-profile.py --since/--until)
                                         RTP=1 (Carillon only: the caller sends 1 s of PCMU per call from its own
                                         port, SIPp's rtp_stream; the callee echoes it, -rtp_echo: RTP both ways
                                         through both legs; CPU per call with RTP)
"""
import json, os, re, statistics, subprocess, sys, tempfile, time, urllib.request, base64

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from carillon import OWNER, PASSWORD, free_port, free_tcp_port, cpu_seconds, descendants, thread_cpu  # noqa: E402
import carillon  # noqa: E402

RUNS = int(os.environ.get("RUNS", "3"))
SECONDS = int(os.environ.get("SECONDS_PER_RUN", "8"))
RTP = os.environ.get("RTP") == "1"  # the caller streams 1 s of PCMU, the callee echoes it: RTP both ways
THREADS = os.environ.get("THREADS") == "1"  # print the server's CPU by thread (from /proc) and the run's window
WARMUP_RATE = int(os.environ.get("WARMUP_RATE", "200"))  # one unreported run at this rate first (JIT warm-up)
WARMUP_SECONDS = int(os.environ.get("WARMUP_SECONDS", "0")) or SECONDS
RATES = [int(r) for r in (sys.argv[1:] or ["100", "300", "500", "700", "1000"])]


def api(base, method, path, body=None):
    auth = base64.b64encode(f"{OWNER}:{PASSWORD}".encode()).decode()
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"Authorization": "Basic " + auth, "Accept": "application/json",
                                          "Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(req, timeout=30).read().decode() or "{}")


def start_carillon(work, http_port, sip_port, extra_env=None):
    """extra_env: other benchmarks' settings (bench/blf)."""
    return carillon.start_carillon(work, http_port, sip_port, {
        "CARILLON_SIP_AUTH_ALGORITHMS": "MD5",  # SIPp 3.6.1 digests with MD5 only
        "CARILLON_CALL_RTP_TIMEOUT_SECONDS": "0",  # SIPp sends no RTP: do not hang up silent calls
        **(extra_env or {})})


def sipp(args, log, timeout):
    """Starts SIPp itself (no wrapper, so killing it by its pid leaves no orphan); callers bound its time."""
    return subprocess.Popen(["sipp"] + args + ["-nostdin"], stdout=open(log, "w"), stderr=subprocess.STDOUT,
                            cwd=os.path.dirname(log))


def wait_or_kill(p, seconds):
    try:
        p.wait(seconds)
    except subprocess.TimeoutExpired:
        p.kill(); p.wait()


def stats(log):
    """(successful, failed, messages, retransmissions) from SIPp's final screen."""
    text = open(log, errors="replace").read()
    last = text.rfind("Successful call")
    ok = re.findall(r"Successful call\s*\|\s*\d+\s*\|\s*(\d+)", text)
    fail = re.findall(r"Failed call\s*\|\s*\d+\s*\|\s*(\d+)", text)
    screen = text[text.rfind("Messages  Retrans"):] if "Messages  Retrans" in text else ""
    msgs = retr = 0
    for line in screen.splitlines():
        t = line.split()
        arrow = next((i for i, x in enumerate(t) if x in ("---------->", "<----------")), None)
        if arrow is None:
            continue
        rest = t[arrow + 2:] if arrow == 0 else t[arrow + 1:]  # "<---------- 200 n r" (UAS) or "200 <---------- n r"
        rest = [x for x in rest if not x.startswith("E-RTD")]
        if len(rest) >= 2 and rest[0].isdigit() and rest[1].isdigit():
            msgs += int(rest[0]); retr += int(rest[1])
    return int(ok[-1]) if ok else 0, int(fail[-1]) if fail else 0, msgs, retr


def register(scenario, target_port, local_port, number, user, pw, work):
    log = os.path.join(work, f"reg-{local_port}.log")
    args = ["-sf", os.path.join(HERE, scenario), "-s", number, "-i", "127.0.0.1", "-p", str(local_port),
            "-mp", str(free_port()), "-m", "1", "-timeout", "10", "-key", "expires", "3600",
            f"127.0.0.1:{target_port}"]
    if user:
        args[4:4] = ["-au", user, "-ap", pw]
    p = sipp(args, log, 20); wait_or_kill(p, 20)
    if p.returncode != 0:
        sys.exit("register failed: " + open(log).read()[-2000:])


def rtp_caller(work):
    """carillon_caller.xml with its SDP on SIPp's per-call RTP stream port and 1 s of a 440 Hz PCMU tone sent once the
    call is answered (SIPp's rtp_stream: 50 packets of 20 ms), plus the WAV it plays, in the work folder."""
    wav = os.path.join(work, "tone_ulaw.wav")
    subprocess.run(["sox", "-n", "-r", "8000", "-c", "1", "-e", "u-law", wav, "synth", "1", "sine", "440"], check=True)
    xml = open(os.path.join(HERE, "carillon_caller.xml")).read()
    xml = xml.replace("m=audio [media_port]", "m=audio [rtpstream_audio_port]")
    xml = xml.replace("  <pause/>", '  <nop><action><exec rtp_stream="tone_ulaw.wav,1,0"/></action></nop>\n  <pause/>', 1)
    path = os.path.join(work, "carillon_caller_rtp.xml")
    open(path, "w").write(xml)
    return path


def one_run(name, work, rate, server_pids, caller_args, callee_args, callee_port, target_port, seconds=None):
    SECONDS = seconds or globals()["SECONDS"]
    calls = rate * SECONDS
    caller_port = free_port()
    tag = f"{name}-{rate}-{time.time_ns()}"
    callee_log, caller_log = os.path.join(work, tag + "-callee.log"), os.path.join(work, tag + "-caller.log")
    callee = sipp(callee_args + ["-p", str(callee_port), "-m", str(calls), "-i", "127.0.0.1", "-mp",
                                 str(free_port()), "-trace_err",
                                             f"127.0.0.1:{target_port}"], callee_log, SECONDS * 4 + 60)
    time.sleep(0.5)
    jvm = name != "kamailio"
    threads0 = thread_cpu(server_pids()[0]) if jvm else {}
    cpu0 = cpu_seconds(server_pids()); t0 = time.time()
    caller = sipp(caller_args + ["-i", "127.0.0.1", "-p", str(caller_port), "-mp", str(free_port()),
                                 "-r", str(rate), "-m", str(calls), "-d", "1000", "-l", str(rate * 4),
                                 "-max_socket", "2000", "-timeout", str(SECONDS * 3 + 30), "-trace_err",
                                 f"127.0.0.1:{target_port}"], caller_log, SECONDS * 3 + 40)
    wait_or_kill(caller, SECONDS * 3 + 40)
    elapsed = time.time() - t0
    time.sleep(1.0)  # the last BYEs settle
    cpu = cpu_seconds(server_pids()) - cpu0
    jit = 0.0
    if jvm:
        after = thread_cpu(server_pids()[0])
        spent = sorted(((after[k] - threads0.get(k, 0), k) for k in after), reverse=True)
        jit = sum(v for v, k in spent if "CompilerThre" in k)
    if THREADS and jvm:
        print(f"  {name} {rate}/s {time.strftime('%H:%M:%S', time.gmtime(t0))}-{time.strftime('%H:%M:%S', time.gmtime())} "
              f"(UTC) CPU by thread, ms per call: " + ", ".join(f"{k} {1000 * v / calls:.3f}" for v, k in spent[:10]
                                                                 if v > 0), flush=True)
    wait_or_kill(callee, 15)  # it exits by itself after its calls, printing its statistics
    ok, fail, msgs, retr = stats(caller_log)
    _, _, cmsgs, cretr = stats(callee_log)
    return {"achieved": ok / max(elapsed - 1.0, 0.001), "ok": ok, "failed": fail + (calls - ok - fail),
            "retrans": retr + cretr, "messages": msgs + cmsgs, "cpu_ms_per_call": 1000 * cpu / max(ok, 1),
            "cpu_ms_per_call_nojit": 1000 * (cpu - jit) / max(ok, 1)}


def summarise(name, rate, runs):
    med = lambda k: statistics.median(r[k] for r in runs)
    clean = sorted(r["failed"] == 0 and r["retrans"] <= 0.001 * max(r["messages"], 1) for r in runs)[len(runs) // 2]
    print(f"{name:9} {rate:6}/s  achieved {med('achieved'):7.1f}/s  failed {med('failed'):6.0f}  "
          f"retrans {med('retrans'):6.0f}/{med('messages'):.0f}  CPU {med('cpu_ms_per_call'):.3f} ms/call"
          + (f" ({med('cpu_ms_per_call_nojit'):.3f} without JIT)" if name != "kamailio" else "") + "  "
          f"{'clean' if clean else 'NOT clean'}", flush=True)
    return clean, med("cpu_ms_per_call")


def main():
    work = tempfile.mkdtemp(prefix="bench-calls-")
    load = os.getloadavg()
    print(f"# bench/calls {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}: {SECONDS} s per run, {RUNS} runs "
          f"per rate (median), 1-s calls{', RTP both ways' if RTP else ''}; load average {load[0]:.2f}; work {work}", flush=True)
    results = {"carillon": {}, "kamailio": {}}
    procs = []
    try:
        http_port, sip_port = free_tcp_port(), free_port()
        pbx = start_carillon(work, http_port, sip_port); procs.append(pbx)
        base = f"http://127.0.0.1:{http_port}"
        a = api(base, "POST", "/api/v1/extensions", {"email": "a@bench.example", "firstName": "A", "lastName": "Caller"})
        b = api(base, "POST", "/api/v1/extensions", {"email": "b@bench.example", "firstName": "B", "lastName": "Callee"})
        callee_port = free_port()
        register("register.xml", sip_port, callee_port, b["number"], b["username"], b["password"], work)
        carillon_caller = ["-sf", os.path.join(HERE, "carillon_caller.xml"), "-s", b["number"], "-au", a["username"],
                           "-ap", a["password"], "-key", "caller", a["number"]]
        carillon_callee = ["-sf", os.path.join(HERE, "carillon_callee.xml")]
        if RTP:
            carillon_caller[1] = rtp_caller(work)
            carillon_callee += ["-rtp_echo"]
        # warm-up (JIT): not reported
        one_run("warmup", work, WARMUP_RATE, lambda: [pbx.pid], carillon_caller, carillon_callee, callee_port, sip_port,
                WARMUP_SECONDS)
        for rate in RATES:
            runs = []
            for _ in range(RUNS):
                runs.append(one_run("carillon", work, rate, lambda: [pbx.pid], carillon_caller, carillon_callee,
                                    callee_port, sip_port))
            results["carillon"][rate] = summarise("carillon", rate, runs)
        pbx.terminate(); pbx.wait(20); procs.remove(pbx)
        if os.environ.get("CARILLON_ONLY") == "1" or RTP:
            return

        kport = free_port()
        run = os.path.join(work, "kam"); os.makedirs(run, exist_ok=True)
        cfg = open(os.path.join(HERE, "kamailio.cfg")).read().replace("5060", str(kport))
        open(os.path.join(run, "kamailio.cfg"), "w").write(cfg)
        kam = subprocess.Popen(["kamailio", "-f", os.path.join(run, "kamailio.cfg"), "-Y", run, "-P",
                                os.path.join(run, "kamailio.pid"), "-DD", "-E", "-m", "256", "-M", "16",
                                "-A", f'CTL_SOCK="unix:{run}/ctl"'],
                               stdout=open(os.path.join(work, "kamailio.log"), "w"), stderr=subprocess.STDOUT)
        procs.append(kam)
        time.sleep(1.5)
        kcallee_port = free_port()
        register("kamailio_register.xml", kport, kcallee_port, "uas", None, None, work)
        for rate in RATES:
            runs = []
            for _ in range(RUNS):
                runs.append(one_run("kamailio", work, rate, lambda: descendants(kam.pid),
                                    ["-sf", os.path.join(HERE, "kamailio_caller.xml"), "-s", "uas"],
                                    ["-sf", os.path.join(HERE, "kamailio_callee.xml")], kcallee_port, kport))
            results["kamailio"][rate] = summarise("kamailio", rate, runs)
    finally:
        carillon.stop_all(procs, work)
    best = {}
    for name, per in results.items():
        clean = [r for r, (ok, _) in per.items() if ok]
        best[name] = max(clean) if clean else 0
        cpu = per[best[name]][1] if best[name] else float("nan")
        print(f"# {name}: highest clean rate {best[name]}/s, CPU {cpu:.3f} ms per call there")
    if best["kamailio"]:
        print(f"# ratio carillon/kamailio (highest clean rate): {best['carillon'] / best['kamailio']:.2f}")


if __name__ == "__main__":
    main()
