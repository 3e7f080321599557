#!/usr/bin/env python3
"""bench/blf: WATCHERS SIPp BLF watchers (dialog event package) on one extension while it is called.

The packaged PBX (pbx/target/carillon-pbx.jar) runs on a throw-away data folder (start-up, REST API, SIPp
registration and process CPU accounting are bench/calls's helpers). Extensions: the watched one (B, registered
by a SIPp phone that rings 1 s then answers: blf_callee.xml) and a caller (A, bench/calls/carillon_caller.xml, hangs
up after 2 s) whose device credentials also hold every subscription (the unlicensed PBX allows two extensions;
CARILLON_SUBSCRIPTION_MAX_PER_EXTENSION is raised for the run). PROCESSES SIPp processes share the watchers (blf_watch.xml:
digest-authenticated SUBSCRIBE, then 200 to every NOTIFY, logging arrival time and state).

Per call cycle (RUNS of them) and per state change (early = the PBX's INVITE reaches B, confirmed = B answers,
terminated = the PBX's BYE reaches B), each watcher's delay is the arrival of its first NOTIFY showing that state
(or a later one) minus the change; printed: p50, p99 and max (the time to the last NOTIFY), watchers that never
saw the state (coalesced away), whether every watcher's last NOTIFY shows the final state, and the PBX's CPU time
per NOTIFY over the cycle; then where the cycle's NOTIFYs went by the PBX's counters (GET /api/v1/subscriptions/stats:
failed by cause, retransmissions, send-queue drops and pacing waits) and, at the end, the kernel's receive drops of
the PBX's and the watchers' sockets and the machine's UDP buffer errors. The change times are taken at B (loopback, same clock), so they lag the PBX's own
state change by the one-way loopback delay: delays are slightly under-, never over-stated... except that the
SIPp watcher process itself (single-threaded, on the same 2 cores) adds its own receive delay to every figure.

usage: bench/blf/run.sh        env: WATCHERS=1000 PROCESSES=10 RUNS=3 COALESCE_MS=50 KEEP=0
"""
import os, statistics, subprocess, sys, tempfile, time, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "calls"))
import bench as calls  # noqa: E402  (bench/calls/bench.py: start_carillon, api, sipp, register, cpu_seconds…)

WATCHERS = int(os.environ.get("WATCHERS", "1000"))
COALESCE_MS = os.environ.get("COALESCE_MS", "50")
PROCESSES = int(os.environ.get("PROCESSES", "10"))
RUNS = int(os.environ.get("RUNS", "3"))
STATES = ("early", "confirmed", "terminated")
CYCLE_SECONDS = 8.0  # ring 1 s + talk 2 s + the NOTIFYs settling


def lines(path, prefix):
    try:
        return [l.split() for l in open(path, errors="replace") if l.startswith(prefix)]
    except FileNotFoundError:
        return []


def watcher_logs(work):
    """(process index, path) of every watcher SIPp's -trace_logs file (one folder w<i> per process)."""
    out = []
    for d in sorted(os.listdir(work)):
        if d.startswith("w") and d[1:].isdigit():
            for f in os.listdir(os.path.join(work, d)):
                if f.startswith("blf_watch_") and f.endswith("_logs.log"):
                    out.append((int(d[1:]), os.path.join(work, d, f)))
    return out


def subscribed_watchers(work):
    return {f"{i}:{t[4]}" for i, path in watcher_logs(work) for t in lines(path, "SUB ")}


def notifies(work):
    """(epoch seconds, watcher "process:call", state) of every NOTIFY the watchers logged."""
    out = []
    for i, path in watcher_logs(work):
        for t in lines(path, "N "):
            # N <date> <time> <epoch> <call_number> <state> ...
            out.append((float(t[3]), f"{i}:{t[4]}", t[5]))
    return sorted(out)


def udp_snmp():
    """The kernel's UDP counters (netstat -su): InErrors, RcvbufErrors, SndbufErrors, machine-wide."""
    rows = [l.split() for l in open("/proc/net/snmp") if l.startswith("Udp:")]
    return {k: int(v) for k, v in zip(rows[0][1:], rows[1][1:]) if k in ("InErrors", "RcvbufErrors", "SndbufErrors")}


def socket_drops(ports):
    """Receive drops (the /proc/net/udp 'drops' column) of the loopback UDP sockets bound to these ports."""
    out = {}
    for l in open("/proc/net/udp").readlines()[1:]:
        f = l.split()
        port = int(f[1].split(":")[1], 16)
        if port in ports:
            out[port] = out.get(port, 0) + int(f[12])
    return out


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    work = tempfile.mkdtemp(prefix="bench-blf-")
    print(f"# bench/blf {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}: {WATCHERS} watchers on "
          f"one extension, coalescing {COALESCE_MS} ms, {RUNS} call cycles; load average {os.getloadavg()[0]:.2f}; work {work}",
          flush=True)
    procs = []
    try:
        http_port, sip_port = calls.free_tcp_port(), calls.free_port()
        pbx = calls.start_carillon(work, http_port, sip_port, {
            "CARILLON_SUBSCRIPTION_MAX_PER_EXTENSION": str(2 * WATCHERS),
            "CARILLON_SUBSCRIPTION_COALESCE_MS": COALESCE_MS}); procs.append(pbx)
        base = f"http://127.0.0.1:{http_port}"
        ext = lambda who: calls.api(base, "POST", "/api/v1/extensions",
                                    {"email": f"{who}@bench.example", "firstName": who, "lastName": "Bench"})
        a, b = ext("caller"), ext("watched")
        b_port = calls.free_port()
        calls.register("register.xml", sip_port, b_port, b["number"], b["username"], b["password"], work)

        # one SIPp per PROCESSES share of the watchers, each with its own UDP socket as phones have: a single
        # socket's receive buffer overflows when a thousand NOTIFYs arrive at once, and losses become retransmissions.
        # Each socket stands for ~100 phones, so it gets a 1 MB buffer (SIPp's default is 64 kB, ~50 NOTIFYs: a
        # descheduled SIPp dropped NOTIFYs that a hundred real phones, each with its own buffer, would have taken)
        per = -(-WATCHERS // PROCESSES)
        watcher_ports = []
        snmp0 = udp_snmp()
        for i in range(PROCESSES):
            d = os.path.join(work, f"w{i}"); os.makedirs(d)
            n = min(per, WATCHERS - i * per)
            watcher_ports.append(calls.free_port())
            procs.append(calls.sipp(["-sf", os.path.join(HERE, "blf_watch.xml"), "-s", b["number"], "-au",
                                     a["username"], "-ap", a["password"], "-key", "watcher", a["number"],
                                     "-i", "127.0.0.1", "-p", str(watcher_ports[-1]), "-buff_size", "1048576", "-r", "50", "-m", str(n),
                                     "-l", str(n), "-trace_logs", "-trace_err", f"127.0.0.1:{sip_port}"],
                                    os.path.join(d, "watch.out"), 0))
        watch_procs = list(procs[1:])
        deadline = time.time() + 90
        subscribed, stable_since = set(), time.time()
        while True:
            now = subscribed_watchers(work)
            if len(now) != len(subscribed):
                subscribed, stable_since = now, time.time()
            if len(subscribed) == WATCHERS or time.time() - stable_since > 10 or time.time() > deadline:
                break
            if any(p.poll() is not None for p in watch_procs):
                sys.exit("a watchers' SIPp exited; see " + work)
            time.sleep(0.5)
        if len(subscribed) < 0.95 * WATCHERS:
            sys.exit(f"only {len(subscribed)} of {WATCHERS} watchers subscribed; see {work}")
        time.sleep(2.0)  # the initial NOTIFYs settle
        # SIPp 3.6 aborts a few watchers under load when the first NOTIFY and the 200 cross (RFC 6665 §4.1.2.4
        # allows it); those are left out of the figures and counted here
        print(f"# {len(subscribed)} of {WATCHERS} watchers subscribed", flush=True)

        for run in range(RUNS):
            callee_log_dir = os.path.join(work, f"run{run}"); os.makedirs(callee_log_dir)
            seen_before = len(notifies(work))
            callee = calls.sipp(["-sf", os.path.join(HERE, "blf_callee.xml"), "-p", str(b_port), "-m", "1",
                                 "-i", "127.0.0.1", "-mp", str(calls.free_port()), "-trace_logs", "-trace_err",
                                 f"127.0.0.1:{sip_port}"], os.path.join(callee_log_dir, "callee.out"), 0)
            time.sleep(0.5)
            # the PBX's idle CPU (timers, sweepers, GC) over a window as long as a cycle, subtracted below
            idle0 = calls.cpu_seconds([pbx.pid]); time.sleep(CYCLE_SECONDS)
            idle = calls.cpu_seconds([pbx.pid]) - idle0
            stats0 = calls.api(base, "GET", "/api/v1/subscriptions/stats")
            cpu0 = calls.cpu_seconds([pbx.pid]); t0 = time.time()
            caller = calls.sipp(["-sf", os.path.join(HERE, "..", "calls", "carillon_caller.xml"), "-s", b["number"],
                                 "-au", a["username"], "-ap", a["password"], "-key", "caller", a["number"],
                                 "-i", "127.0.0.1", "-p", str(calls.free_port()), "-mp", str(calls.free_port()),
                                 "-m", "1", "-d", "2000", "-timeout", "30", "-trace_err",
                                 f"127.0.0.1:{sip_port}"], os.path.join(callee_log_dir, "caller.out"), 0)
            calls.wait_or_kill(caller, 40)
            calls.wait_or_kill(callee, 10)
            time.sleep(max(0.0, CYCLE_SECONDS - (time.time() - t0)))  # the last NOTIFYs arrive
            cpu = calls.cpu_seconds([pbx.pid]) - cpu0 - idle
            stats1 = calls.api(base, "GET", "/api/v1/subscriptions/stats")
            log = [f for f in os.listdir(callee_log_dir) if f.endswith("_logs.log")]
            marks = {t[0]: float(t[3]) for t in lines(os.path.join(callee_log_dir, log[0]), "")} if log else {}
            change = {"early": marks.get("RING"), "confirmed": marks.get("ANSWER"), "terminated": marks.get("HANGUP")}
            if None in change.values():
                print(f"run {run}: the call did not complete (see {callee_log_dir})", flush=True)
                continue
            all_n = notifies(work)
            cycle = all_n[seen_before:]
            order = {s: i for i, s in enumerate(STATES)}
            for s in STATES:
                delays = []
                for w in sorted(subscribed):
                    # the first NOTIFY after the change showing this state or a later one
                    hit = next((t for t, n, st in cycle if n == w and t >= change[s] - 0.001
                                and st in order and order[st] >= order[s]), None)
                    if hit is not None:
                        delays.append((hit - change[s]) * 1000)
                missing = len(subscribed) - len(delays)
                print(f"run {run} {s:10} p50 {pct(delays, 50):7.1f} ms  p99 {pct(delays, 99):7.1f} ms  "
                      f"max (last NOTIFY) {max(delays) if delays else float('nan'):7.1f} ms  "
                      f"watchers without it {missing}", flush=True)
            last = {}
            for t, n, st in all_n:
                last[n] = st
            final_ok = sum(1 for w in subscribed if last.get(w) == "terminated")
            print(f"run {run} final state terminated at {final_ok}/{len(subscribed)} watchers; {len(cycle)} NOTIFYs, "
                  f"PBX CPU {1e6 * cpu / max(len(cycle), 1):.1f} µs per NOTIFY ({cpu:.2f} s over an idle "
                  f"{idle:.2f} s; the call itself included)", flush=True)
            # where this cycle's NOTIFYs went, from the PBX's own counters (the SIP ones count the call's messages too)
            n = {k: stats1["notifies"][k] - stats0["notifies"][k] for k in stats1["notifies"]}
            sip1, sip0 = stats1["sip"], stats0["sip"]
            sip = {k: sip1[k] - sip0[k] for k in ("retransmissionsOut", "retransmissionsIn", "strayResponses", "drops")}
            sip.update({k: sip1["transport"].get(k, 0) - sip0["transport"].get(k, 0) for k in ("sendDrops", "sendWaits")})
            print(f"run {run} PBX: NOTIFYs sent {n['sent']}, failed {n['failed']} (timeouts {n['timeouts']}, transport "
                  f"errors {n['transportErrors']}); SIP retransmissions out {sip['retransmissionsOut']}, in "
                  f"{sip['retransmissionsIn']}, stray responses {sip['strayResponses']}, send drops {sip['sendDrops']}, "
                  f"fan-out waits for the send queue {sip['sendWaits']}", flush=True)
        # where NOTIFYs or their 200s could have been lost: the kernel's receive drops of each socket, the machine's
        # UDP buffer errors (other programs' too), and (below, once it stopped) the PBX's own counters
        drops = socket_drops(set(watcher_ports) | {sip_port})
        snmp = udp_snmp()
        print(f"# UDP receive drops: PBX socket {drops.get(sip_port, 0)}, watcher sockets "
              f"{sum(v for k, v in drops.items() if k != sip_port)}; machine-wide since the watchers started: "
              + ", ".join(f"{k} {snmp[k] - snmp0[k]}" for k in snmp), flush=True)
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        for line in open(os.path.join(work, "carillon.log"), errors="replace"):
            if "counters at stop" in line or "subscriptions at stop" in line:
                print("# PBX " + line.split(" : ", 1)[-1].strip(), flush=True)
        if os.environ.get("KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
