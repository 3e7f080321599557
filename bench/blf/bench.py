#!/usr/bin/env python3
"""bench/blf: WATCHERS SIPp BLF watchers (dialog event package) on one extension while it is called.

The packaged PBX (pbx/target/carillon-pbx.jar) runs on a throw-away data folder (start-up, REST API, SIPp
registration and process CPU accounting are bench/calls's helpers). Extensions: the watched one (B, registered
by a SIPp phone that rings 1 s then answers: blf_callee.xml), a caller (A, bench/calls/carillon_caller.xml, hangs up
after 2 s) and WATCHER_EXTENSIONS watching extensions whose devices hold the subscriptions (WATCHERS /
WATCHER_EXTENSIONS each, under CARILLON_SUBSCRIPTION_MAX_PER_EXTENSION). One SIPp process holds every watcher
(blf_watch.xml: digest-authenticated SUBSCRIBE, then 200 to every NOTIFY, logging arrival time and state).

Per call cycle (RUNS of them) and per state change (early = the PBX's INVITE reaches B, confirmed = B answers,
terminated = the PBX's BYE reaches B), each watcher's delay is the arrival of its first NOTIFY showing that state
(or a later one) minus the change; printed: p50, p99 and max (the time to the last NOTIFY), watchers that never
saw the state (coalesced away), whether every watcher's last NOTIFY shows the final state, and the PBX's CPU time
per NOTIFY over the cycle. The change times are taken at B (loopback, same clock), so they lag the PBX's own
state change by the one-way loopback delay: delays are slightly under-, never over-stated... except that the
SIPp watcher process itself (single-threaded, on the same 2 cores) adds its own receive delay to every figure.

usage: bench/blf/run.sh        env: WATCHERS=1000 WATCHER_EXTENSIONS=10 RUNS=3 KEEP=0
"""
import os, statistics, subprocess, sys, tempfile, time, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "calls"))
import bench as calls  # noqa: E402  (bench/calls/bench.py: start_carillon, api, sipp, register, cpu_seconds…)

WATCHERS = int(os.environ.get("WATCHERS", "1000"))
WATCHER_EXTENSIONS = int(os.environ.get("WATCHER_EXTENSIONS", "10"))
RUNS = int(os.environ.get("RUNS", "3"))
STATES = ("early", "confirmed", "terminated")


def lines(path, prefix):
    try:
        return [l.split() for l in open(path, errors="replace") if l.startswith(prefix)]
    except FileNotFoundError:
        return []


def notifies(log_dir):
    """(epoch seconds, watcher number, state) of every NOTIFY the watchers logged."""
    out = []
    for f in os.listdir(log_dir):
        if f.startswith("blf_watch_") and f.endswith("_logs.log"):
            for t in lines(os.path.join(log_dir, f), "N "):
                # N <date> <time> <epoch> <call_number> <state> ...
                out.append((float(t[3]), int(t[4]), t[5]))
    return sorted(out)


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    work = tempfile.mkdtemp(prefix="bench-blf-")
    print(f"# bench/blf {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}: {WATCHERS} watchers on "
          f"{WATCHER_EXTENSIONS} extensions, {RUNS} call cycles; load average {os.getloadavg()[0]:.2f}; work {work}",
          flush=True)
    procs = []
    try:
        http_port, sip_port = calls.free_tcp_port(), calls.free_port()
        pbx = calls.start_carillon(work, http_port, sip_port); procs.append(pbx)
        base = f"http://127.0.0.1:{http_port}"
        ext = lambda who: calls.api(base, "POST", "/api/v1/extensions",
                                    {"email": f"{who}@bench.example", "firstName": who, "lastName": "Bench"})
        a, b = ext("caller"), ext("watched")
        watchers = [ext(f"watcher{i}") for i in range(WATCHER_EXTENSIONS)]
        inf = os.path.join(work, "watchers.csv")
        with open(inf, "w") as f:
            f.write("SEQUENTIAL\n")
            for w in watchers:
                f.write(f"{w['username']};{w['password']};{w['number']}\n")
        b_port = calls.free_port()
        calls.register("register.xml", sip_port, b_port, b["number"], b["username"], b["password"], work)

        watch = calls.sipp(["-sf", os.path.join(HERE, "blf_watch.xml"), "-s", b["number"], "-inf", inf,
                            "-i", "127.0.0.1", "-p", str(calls.free_port()), "-r", "200", "-m", str(WATCHERS),
                            "-l", str(WATCHERS), "-max_socket", "2000", "-trace_logs", "-trace_err",
                            f"127.0.0.1:{sip_port}"], os.path.join(work, "watch.out"), 0)
        procs.append(watch)
        deadline = time.time() + 60
        while len([1 for f in os.listdir(work) if f.startswith("blf_watch_")]) == 0 or \
                sum(len(lines(os.path.join(work, f), "SUB ")) for f in os.listdir(work)
                    if f.startswith("blf_watch_") and f.endswith("_logs.log")) < WATCHERS:
            if time.time() > deadline or watch.poll() is not None:
                sys.exit("watchers did not all subscribe; see " + work)
            time.sleep(0.5)
        time.sleep(2.0)  # the initial NOTIFYs settle
        print(f"# {WATCHERS} watchers subscribed", flush=True)

        for run in range(RUNS):
            callee_log_dir = os.path.join(work, f"run{run}"); os.makedirs(callee_log_dir)
            seen_before = len(notifies(work))
            callee = calls.sipp(["-sf", os.path.join(HERE, "blf_callee.xml"), "-p", str(b_port), "-m", "1",
                                 "-i", "127.0.0.1", "-mp", str(calls.free_port()), "-trace_logs", "-trace_err",
                                 f"127.0.0.1:{sip_port}"], os.path.join(callee_log_dir, "callee.out"), 0)
            time.sleep(0.5)
            cpu0 = calls.cpu_seconds([pbx.pid])
            caller = calls.sipp(["-sf", os.path.join(HERE, "..", "calls", "carillon_caller.xml"), "-s", b["number"],
                                 "-au", a["username"], "-ap", a["password"], "-key", "caller", a["number"],
                                 "-i", "127.0.0.1", "-p", str(calls.free_port()), "-mp", str(calls.free_port()),
                                 "-m", "1", "-d", "2000", "-timeout", "30", "-trace_err",
                                 f"127.0.0.1:{sip_port}"], os.path.join(callee_log_dir, "caller.out"), 0)
            calls.wait_or_kill(caller, 40)
            calls.wait_or_kill(callee, 10)
            time.sleep(3.0)  # the last NOTIFYs arrive
            cpu = calls.cpu_seconds([pbx.pid]) - cpu0
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
                for w in range(1, WATCHERS + 1):
                    # the first NOTIFY after the change showing this state or a later one
                    hit = next((t for t, n, st in cycle if n == w and t >= change[s] - 0.001
                                and st in order and order[st] >= order[s]), None)
                    if hit is not None:
                        delays.append((hit - change[s]) * 1000)
                missing = WATCHERS - len(delays)
                print(f"run {run} {s:10} p50 {pct(delays, 50):7.1f} ms  p99 {pct(delays, 99):7.1f} ms  "
                      f"max (last NOTIFY) {max(delays) if delays else float('nan'):7.1f} ms  "
                      f"watchers without it {missing}", flush=True)
            last = {}
            for t, n, st in all_n:
                last[n] = st
            final_ok = sum(1 for w in range(1, WATCHERS + 1) if last.get(w) == "terminated")
            print(f"run {run} final state terminated at {final_ok}/{WATCHERS} watchers; {len(cycle)} NOTIFYs, "
                  f"PBX CPU {1e6 * cpu / max(len(cycle), 1):.1f} µs per NOTIFY ({cpu:.2f} s)", flush=True)
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        if os.environ.get("KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
