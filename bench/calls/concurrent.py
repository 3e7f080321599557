#!/usr/bin/env python3
"""bench/calls concurrent: CALLS concurrent calls held HOLD_SECONDS with RTP both ways through the PBX (issue 6).

The packaged PBX on a throw-away data folder, two extensions made through the API. SIPp sets the calls up: a
registered SIPp callee answers every call (media_callee.xml), a second SIPp places CALLS authenticated calls at RAMP
calls/s (media_caller.xml). The audio comes from the bench's RTP generator (PhonesRtpMain in the bench jar, its own
JVM): one non-blocking UDP socket per phone (2 per call), one 20-ms PCMU packet per socket every 20 ms, so every call
carries 50 packets/s each way through the PBX's relay, with the send time in each payload. Each SIPp takes its
phones' ports from an injection file the generator writes (the caller's INVITE and the callee's 200 announce them);
once every call is up, the PBX's port for each phone is read from the SDP in SIPp's message logs and the generator
starts sending. (SIPp's own rtp_stream could not: at 1,000 calls it sent under 5 % of the packets.)

Measured over a window of MEASURE_SECONDS inside the hold time:
- memory per call: the PBX's heap after a full GC (jcmd GC.run, then GET /api/v1/media/stats), NIO direct buffers and
  Netty's pooled direct memory, and the process's resident set, each with CALLS calls up minus the same before the
  first call (the idle PBX after a warm-up), divided by the calls up;
- loss: packets the generator sent in the window that did not come back within 500 ms; the PBX's own counts (in,
  out, and each reason a packet was not forwarded) and the kernel's receive drops on its RTP sockets;
- latency: one-way phone -> PBX -> phone, p50/p99/p99.9;
- CPU: the PBX's user+system time over the window, per call-second and per relayed packet.

usage: bench/calls/concurrent.sh      env: CALLS=1000 HOLD_SECONDS=60 RAMP=100 MEASURE_SECONDS=30 KEEP=0 JAVA_OPTS= JAR=
                                      HISTO=1 (also the heap per call by class, from jcmd GC.class_histogram)
"""
import json, os, re, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from carillon import free_port, free_tcp_port, cpu_seconds  # noqa: E402
import carillon  # noqa: E402
from bench import api, register, sipp, wait_or_kill, stats  # noqa: E402

CALLS = int(os.environ.get("CALLS", "1000"))
HOLD = int(os.environ.get("HOLD_SECONDS", "60"))
RAMP = int(os.environ.get("RAMP", "100"))
MEASURE = int(os.environ.get("MEASURE_SECONDS", "30"))
RTP_LOW, RTP_HIGH = 30000, 39999
BENCH_JAR = os.path.join(carillon.ROOT, "bench", "target", "carillon-bench.jar")


def media_stats(base):
    return api(base, "GET", "/api/v1/media/stats")


def gc(pid):
    subprocess.run([os.path.join(os.path.dirname(carillon.JAVA), "jcmd"), str(pid), "GC.run"], capture_output=True, timeout=120)


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def udp_drops(port_filter):
    """Sum of the kernel's receive drops over UDP sockets whose local port passes port_filter (/proc/net/udp)."""
    total = 0
    for line in open("/proc/net/udp").readlines()[1:]:
        f = line.split()
        port = int(f[1].split(":")[1], 16)
        if port_filter(port):
            total += int(f[-1])
    return total


def histogram(pid):
    """{class: (instances, bytes)} of live objects (jcmd GC.class_histogram runs a full GC first)."""
    out = subprocess.run([os.path.join(os.path.dirname(carillon.JAVA), "jcmd"), str(pid), "GC.class_histogram"],
                         capture_output=True, text=True, timeout=300).stdout
    h = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 4 and f[0].endswith(":") and f[1].isdigit():
            h[f[3]] = (int(f[1]), int(f[2]))
    return h


def memory(base, pid):
    gc(pid)
    s = media_stats(base)
    return {"heap": s["heapUsedBytes"], "direct": s["directBytes"], "netty": s["nettyDirectBytes"],
            "rss": rss_kib(pid) * 1024, "legs": s["openLegs"]}


def sdp_ports(log):
    """From a SIPp -trace_msg log: {call-id: {"sent": port, "received": port}}, the m=audio port of the INVITEs and
    200s for INVITE it sent and received (a caller sends its port in INVITEs and receives the PBX's in the 200; the
    callee the other way round)."""
    ports = {}
    text = open(log, errors="replace").read()
    for block in re.split(r"\n-{10,} [^\n]*\n", text):
        way = "sent" if "message sent" in block[:200] else "received" if "message received" in block[:200] else None
        m = re.search(r"^m=audio (\d+) ", block, re.M)
        cid = re.search(r"^Call-ID: *(\S+)", block, re.M | re.I)
        cseq = re.search(r"^CSeq: *\d+ INVITE", block, re.M | re.I)
        if way and m and cid and cseq:
            ports.setdefault(cid.group(1), {})[way] = int(m.group(1))
    return ports


def main():
    if not os.path.exists(BENCH_JAR):
        sys.exit("build the bench jar first: mvn -o -q -B -pl bench -am package -Dmaven.test.skip=true")
    work = tempfile.mkdtemp(prefix="bench-concurrent-")
    load = os.getloadavg()
    print(f"# bench/calls concurrent {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}: {CALLS} calls held "
          f"{HOLD} s with RTP both ways, ramp {RAMP}/s, window {MEASURE} s; load average {load[0]:.2f}; work {work}",
          flush=True)
    procs = []
    try:
        http_port, sip_port = free_tcp_port(), free_port()
        pbx = carillon.start_carillon(work, http_port, sip_port, {
            "CARILLON_SIP_AUTH_ALGORITHMS": "MD5", "CARILLON_RTP_PORTS": f"{RTP_LOW}-{RTP_HIGH}"})
        procs.append(pbx)
        base = f"http://127.0.0.1:{http_port}"
        a = api(base, "POST", "/api/v1/extensions", {"email": "a@bench.example", "firstName": "A", "lastName": "Caller"})
        b = api(base, "POST", "/api/v1/extensions", {"email": "b@bench.example", "firstName": "B", "lastName": "Callee"})
        callee_port = free_port()
        register("register.xml", sip_port, callee_port, b["number"], b["username"], b["password"], work)

        def phones(calls, tag):
            folder = os.path.join(work, tag); os.makedirs(folder)
            gen = subprocess.Popen([carillon.JAVA, "-Xmx256m", "-cp", BENCH_JAR,
                                    "org.carillon.bench.media.load.PhonesRtpMain", str(calls), folder],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(folder + "/gen.err", "w"),
                                   text=True)
            if gen.stdout.readline().strip() != "READY":
                sys.exit("the RTP generator did not start; see " + folder + "/gen.err")
            return gen, folder

        def place(calls, hold_ms, folder):
            callee = sipp(["-sf", os.path.join(HERE, "media_callee.xml"), "-p", str(callee_port), "-i", "127.0.0.1",
                           "-inf", os.path.join(folder, "callee-ports.csv"), "-m", str(calls), "-trace_msg",
                           "-message_file", os.path.join(folder, "callee-messages.log"), "-trace_err",
                           f"127.0.0.1:{sip_port}"], os.path.join(folder, "callee.log"), 0)
            time.sleep(0.5)
            caller = sipp(caller_args(calls, hold_ms, folder), os.path.join(folder, "caller.log"), 0)
            return caller, callee

        def caller_args(calls, hold_ms, folder):
            return ["-sf", os.path.join(HERE, "media_caller.xml"), "-s", b["number"], "-au", a["username"],
                    "-ap", a["password"], "-key", "caller", a["number"], "-inf", os.path.join(folder, "caller-ports.csv"),
                    "-i", "127.0.0.1", "-p", str(free_port()), "-r", str(RAMP), "-m", str(calls), "-l", str(calls),
                    "-d", str(hold_ms), "-max_socket", "4000", "-trace_msg",
                    "-message_file", os.path.join(folder, "caller-messages.log"),
                    "-timeout", str(hold_ms // 1000 + calls // RAMP + 120), "-trace_err", f"127.0.0.1:{sip_port}"]

        def await_calls(calls, caller, deadline):
            legs = 0
            while time.time() < deadline:
                legs = media_stats(base)["openLegs"]
                if legs >= 2 * calls or caller.poll() is not None:
                    break
                time.sleep(0.5)
            return legs

        def start_media(gen, folder):
            """Pairs each phone with its PBX port from the SDP SIPp logged, and starts the generator."""
            lines = []
            for side, log, mine, pbxs in (("A", "caller-messages.log", "sent", "received"),
                                          ("B", "callee-messages.log", "sent", "received")):
                for cid, p in sdp_ports(os.path.join(folder, log)).items():
                    if mine in p and pbxs in p:
                        lines.append(f"{side} {p[mine]} {p[pbxs]}")
            open(os.path.join(folder, "pairs.txt"), "w").write("\n".join(lines) + "\n")
            gen.stdin.write(f"GO {folder}/pairs.txt\n"); gen.stdin.flush()
            if gen.stdout.readline().strip() != "STARTED":
                sys.exit("the RTP generator could not start; see " + folder + "/gen.err")

        # warm-up: a few calls with media, so the idle figure is a PBX that has carried calls
        warm = min(CALLS, 50)
        gen, folder = phones(warm, "warmup"); procs.append(gen)
        c, e = place(warm, 8000, folder); procs += [c, e]
        await_calls(warm, c, time.time() + 30)
        time.sleep(1)
        start_media(gen, folder)
        gen.stdin.write("MARK\nSTOP\n"); gen.stdin.flush()
        wait_or_kill(c, 60); wait_or_kill(e, 15); wait_or_kill(gen, 15)
        idle = memory(base, pbx.pid)
        idle_histogram = histogram(pbx.pid) if os.environ.get("HISTO") == "1" else None
        print(f"idle      heap {idle['heap'] / 2**20:8.1f} MiB  direct {idle['direct'] / 2**20:6.1f} MiB  netty "
              f"{idle['netty'] / 2**20:6.1f} MiB  RSS {idle['rss'] / 2**20:7.1f} MiB  open legs {idle['legs']}",
              flush=True)

        gen, folder = phones(CALLS, "run"); procs.append(gen)
        caller, callee = place(CALLS, HOLD * 1000, folder); procs += [caller, callee]
        legs = await_calls(CALLS, caller, time.time() + CALLS / RAMP + 60)
        up_at = time.time()
        time.sleep(1)  # the last 200s and ACKs are in SIPp's logs
        start_media(gen, folder)
        print(f"up        {legs // 2} of {CALLS} calls anchored (open legs {legs}) after the ramp; media started",
              flush=True)
        time.sleep(3)  # every phone sending, latched
        pbx_ports = lambda p: RTP_LOW <= p <= RTP_HIGH
        s0, cpu0, t0, kd0 = media_stats(base), cpu_seconds([pbx.pid]), time.time(), udp_drops(pbx_ports)
        gen.stdin.write("MARK\n"); gen.stdin.flush()
        time.sleep(MEASURE)
        gen.stdin.write("STOP\n"); gen.stdin.flush()
        s1, cpu1, t1, kd1 = media_stats(base), cpu_seconds([pbx.pid]), time.time(), udp_drops(pbx_ports)
        figures = json.loads(gen.stdout.readline().split(" ", 1)[1])
        held = memory(base, pbx.pid)
        if idle_histogram is not None:
            h = histogram(pbx.pid)
            rows = sorted(((b - idle_histogram.get(c, (0, 0))[1], n - idle_histogram.get(c, (0, 0))[0], c)
                           for c, (n, b) in h.items()), reverse=True)[:25]
            print("heap per call by class (live objects with the calls up minus idle, bytes per call):")
            for db, dn, c in rows:
                print(f"  {db / max(CALLS, 1):9.0f} B  {dn / max(CALLS, 1):7.1f} objects  {c}")
        if time.time() > up_at + HOLD - 5:
            print("# WARNING: the window ran past the hold time; raise HOLD_SECONDS", flush=True)
        calls_up = held["legs"] // 2
        d = {k: s1["packets"][k] - s0["packets"][k] for k in s1["packets"]}
        secs, cpu = t1 - t0, cpu1 - cpu0
        per = lambda k: (held[k] - idle[k]) / max(calls_up, 1) / 1024
        print(f"held      heap {held['heap'] / 2**20:8.1f} MiB  direct {held['direct'] / 2**20:6.1f} MiB  netty "
              f"{held['netty'] / 2**20:6.1f} MiB  RSS {held['rss'] / 2**20:7.1f} MiB  open legs {held['legs']}")
        print(f"per call  heap {per('heap'):7.1f} kB  direct {per('direct'):6.1f} kB  netty {per('netty'):6.1f} kB  "
              f"RSS {per('rss'):7.1f} kB   ({calls_up} calls up, after a full GC, minus the idle PBX)")
        lost = figures["sent"] - figures["received"]
        print(f"phones    sent {figures['sent']} ({figures['sent'] / MEASURE:,.0f}/s), back {figures['received']}, "
              f"lost {lost} ({100 * lost / max(figures['sent'], 1):.3f} %); skipped periods "
              f"{figures['skippedPeriods']}, send failures {figures['sendFailures']}; one-way p50 {figures['p50']} ms "
              f"p99 {figures['p99']} ms p99.9 {figures['p999']} ms")
        dropped = {k: d[k] for k in ("malformed", "rejectedSource", "directionDropped", "unknownPayload", "noTarget",
                                     "congested") if d[k]}
        print(f"PBX       packets in {d['packetsIn']} ({d['packetsIn'] / secs:,.0f}/s), out {d['packetsOut']}, "
              f"not forwarded {dropped or 'none'}; kernel receive drops on its RTP sockets {kd1 - kd0}")
        print(f"CPU       {cpu:.2f} s over {secs:.1f} s = {cpu / secs:.2f} cores; "
              f"{1e6 * cpu / secs / max(calls_up, 1):.0f} µs per call-second; "
              f"{1e6 * cpu / max(d['packetsIn'], 1):.2f} µs per relayed packet")
        wait_or_kill(caller, HOLD + CALLS / RAMP + 120); wait_or_kill(callee, 30); wait_or_kill(gen, 15)
        ok, fail, msgs, retr = stats(os.path.join(folder, "caller.log"))
        print(f"calls     {ok} successful, {fail} failed; SIP retransmissions {retr} of {msgs} caller messages")
        print(f"# load average at the end {os.getloadavg()[0]:.2f}")
    finally:
        carillon.stop_all(procs, work)


if __name__ == "__main__":
    main()
