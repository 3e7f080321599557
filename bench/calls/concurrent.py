#!/usr/bin/env python3
"""bench/calls concurrent: CALLS concurrent calls held HOLD_SECONDS with RTP both ways through the PBX (issue 6).

The packaged PBX on a throw-away data folder, two extensions made through the API. SIPp registers B and answers
every call (media_callee.xml) with -rtp_echo: each RTP packet reaching its media port goes back to where it came
from, the PBX's leg of that call. A second SIPp places CALLS authenticated calls from A at RAMP calls/s
(media_caller.xml); each answered call streams 20-ms PCMU packets from its own RTP port for its whole length
(SIPp's rtp_stream, looped), so every call carries 50 packets/s each way through the PBX's relay (caller -> PBX ->
callee's echo -> PBX -> caller).

Measured once every call is up, over a window of MEASURE_SECONDS inside the hold time:
- memory per call: the PBX's heap after a full GC (jcmd GC.run, then GET /api/v1/media/stats), NIO direct buffers and
  Netty's pooled direct memory, and the process's resident set, each with CALLS calls up minus the same before the
  first call (the idle PBX after the same warm-up), divided by CALLS;
- CPU: the PBX's user+system time over the window, per call-second and per relayed packet;
- loss: the PBX's legs' packet counts over the window (in, out, and each reason a packet was not forwarded) and the
  kernel's receive-buffer drops on the PBX's RTP sockets (/proc/net/udp, its RTP port range) and on SIPp's.

usage: bench/calls/concurrent.sh      env: CALLS=1000 HOLD_SECONDS=60 RAMP=100 MEASURE_SECONDS=30 KEEP=0 JAVA_OPTS= JAR=
"""
import os, re, shutil, subprocess, sys, tempfile, time

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
CALLER_RTP = 40000  # SIPp's rtpstream ports for the caller's calls count up from here


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


def memory(base, pid):
    gc(pid)
    s = media_stats(base)
    return {"heap": s["heapUsedBytes"], "direct": s["directBytes"], "netty": s["nettyDirectBytes"],
            "rss": rss_kib(pid) * 1024, "legs": s["openLegs"]}


def main():
    work = tempfile.mkdtemp(prefix="bench-concurrent-")
    # 20 s of a 440 Hz tone in PCMU: SIPp sends it 160 bytes (20 ms) per packet, looped
    subprocess.run(["sox", "-n", "-r", "8000", "-c", "1", "-e", "u-law", "-t", "raw",
                    os.path.join(work, "audio.ulaw"), "synth", "20", "sine", "440", "vol", "0.3"], check=True)
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
        callee_port, callee_media = free_port(), free_port()
        register("register.xml", sip_port, callee_port, b["number"], b["username"], b["password"], work)
        caller_args = ["-sf", os.path.join(HERE, "media_caller.xml"), "-s", b["number"], "-au", a["username"],
                       "-ap", a["password"], "-key", "caller", a["number"]]

        def place(calls, hold_ms, tag):
            callee = sipp(["-sf", os.path.join(HERE, "media_callee.xml"), "-p", str(callee_port), "-i", "127.0.0.1",
                           "-mp", str(callee_media), "-rtp_echo", "-m", str(calls), "-rtp_buffsize", "4194304",
                           "-trace_err", f"127.0.0.1:{sip_port}"], os.path.join(work, tag + "-callee.log"), 0)
            time.sleep(0.5)
            # SIPp's rtpstream never reads what comes back: with a receive buffer this small every packet that
            # reaches a caller's RTP socket is counted by the kernel as a receive drop, so those drops count arrivals
            caller = sipp(caller_args + ["-i", "127.0.0.1", "-p", str(free_port()), "-r", str(RAMP), "-m", str(calls),
                                         "-l", str(calls), "-d", str(hold_ms), "-max_socket", "4000",
                                         "-mp", str(CALLER_RTP), "-rtp_threadtasks", "50", "-rtp_buffsize", "2048",
                                         "-timeout", str(hold_ms // 1000 + calls // RAMP + 120), "-trace_err",
                                         f"127.0.0.1:{sip_port}"], os.path.join(work, tag + "-caller.log"), 0)
            return caller, callee

        # warm-up: a few short calls with media, so the idle figure is a PBX that has carried calls
        c, e = place(min(CALLS, 50), 3000, "warmup"); procs += [c, e]
        wait_or_kill(c, 60); wait_or_kill(e, 15)
        idle = memory(base, pbx.pid)
        print(f"idle      heap {idle['heap'] / 2**20:8.1f} MiB  direct {idle['direct'] / 2**20:6.1f} MiB  netty "
              f"{idle['netty'] / 2**20:6.1f} MiB  RSS {idle['rss'] / 2**20:7.1f} MiB  open legs {idle['legs']}",
              flush=True)

        caller, callee = place(CALLS, HOLD * 1000, "run"); procs += [caller, callee]
        ramp_deadline = time.time() + CALLS / RAMP + 60
        legs = 0
        while time.time() < ramp_deadline:
            legs = media_stats(base)["openLegs"]
            if legs >= 2 * CALLS or caller.poll() is not None:
                break
            time.sleep(0.5)
        up_at = time.time()
        print(f"up        {legs // 2} of {CALLS} calls anchored (open legs {legs}) after the ramp", flush=True)
        time.sleep(3)  # every stream running
        pbx_ports = lambda p: RTP_LOW <= p <= RTP_HIGH
        echo_port = lambda p: p == callee_media
        caller_ports = lambda p: CALLER_RTP <= p < CALLER_RTP + 4 * CALLS + 100
        probes = (pbx_ports, echo_port, caller_ports)
        s0, cpu0, t0 = media_stats(base), cpu_seconds([pbx.pid]), time.time()
        k0 = [udp_drops(f) for f in probes]
        time.sleep(MEASURE)
        s1, cpu1, t1 = media_stats(base), cpu_seconds([pbx.pid]), time.time()
        k1 = [udp_drops(f) for f in probes]
        pbx_drops, echo_drops, arrived = (b - a for a, b in zip(k0, k1))
        held = memory(base, pbx.pid)
        if time.time() > up_at + HOLD - 5:
            print("# WARNING: the window ran past the hold time; raise HOLD_SECONDS", flush=True)
        calls_up = held["legs"] // 2
        d = {k: s1["packets"][k] - s0["packets"][k] for k in s1["packets"]}
        secs = t1 - t0
        cpu = cpu1 - cpu0
        per = lambda k: (held[k] - idle[k]) / max(calls_up, 1) / 1024
        print(f"held      heap {held['heap'] / 2**20:8.1f} MiB  direct {held['direct'] / 2**20:6.1f} MiB  netty "
              f"{held['netty'] / 2**20:6.1f} MiB  RSS {held['rss'] / 2**20:7.1f} MiB  open legs {held['legs']}")
        print(f"per call  heap {per('heap'):7.1f} kB  direct {per('direct'):6.1f} kB  netty {per('netty'):6.1f} kB  "
              f"RSS {per('rss'):7.1f} kB   ({calls_up} calls up after a full GC, minus the idle PBX)")
        dropped = {k: d[k] for k in ("malformed", "rejectedSource", "directionDropped", "unknownPayload", "noTarget",
                                     "congested") if d[k]}
        print(f"packets   in {d['packetsIn']} ({d['packetsIn'] / secs:,.0f}/s)  out {d['packetsOut']}  "
              f"in - out {d['packetsIn'] - d['packetsOut']}  not forwarded {dropped or 'none'}  over {secs:.1f} s")
        print(f"kernel    receive drops on the PBX's RTP sockets {pbx_drops}, on the callee's echo socket {echo_drops}")
        # the loop: caller -> PBX -> echo -> PBX -> caller; lossless, each packet is counted in twice, out twice, and
        # arrives back at its caller once
        print(f"loop      back at the callers {arrived} of {d['packetsIn'] / 2:.0f} expected (half the PBX's packets in): "
              f"{100 * (1 - arrived / max(d['packetsIn'] / 2, 1)):.3f} % short (window edges: ±{2 * calls_up} packets)")
        lost = d["packetsIn"] - d["packetsOut"] + pbx_drops
        print(f"PBX loss  {lost} packets (in - out, which holds the not forwarded, plus kernel drops on its sockets); the peers' "
              f"own: {echo_drops} dropped at SIPp's echo socket")
        print(f"CPU       {cpu:.2f} s over {secs:.1f} s = {cpu / secs:.2f} cores;  {1e6 * cpu / secs / max(calls_up, 1):.0f}"
              f" µs per call-second;  {1e6 * cpu / max(d['packetsIn'], 1):.2f} µs per relayed packet")
        wait_or_kill(caller, HOLD + CALLS / RAMP + 120); wait_or_kill(callee, 30)
        ok, fail, msgs, retr = stats(os.path.join(work, "run-caller.log"))
        print(f"calls     {ok} successful, {fail} failed; SIP retransmissions {retr} of {msgs} caller messages")
        load = os.getloadavg()
        print(f"# load average at the end {load[0]:.2f}")
    finally:
        for p in reversed(procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
        if os.environ.get("KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
