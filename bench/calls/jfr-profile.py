#!/usr/bin/env python3
"""Summarise a flight recording of the PBX under bench/calls load, restricted to a time window (the measured run,
not start-up or warm-up).

usage: bench/calls/jfr-profile.py FILE.jfr [--since HH:MM:SS] [--until HH:MM:SS] [--calls N] [--top 15]
                                   [--thread REGEX]

Prints, for the window: execution samples by top frame (self), by package of the top frame, by the innermost
org.carillon frame (where our code spent or caused the time) and by thread (digits folded: "epollEventLoop-N");
allocation samples (weight) by top frame and by class;
JFR samples a few threads per period, so busy platform threads are over-represented next to virtual threads: take
each thread's share of the CPU from bench.py's THREADS=1 (/proc) and use --thread for the breakdown inside one; exceptions thrown by class and thrower; GC pauses. With
--calls, also samples and allocated bytes per call. Times are the recording's (the JVM's zone, UTC here).
bench.py prints the measured run's window when JAVA_OPTS starts a recording.
"""
import argparse, collections, os, re, subprocess

JFR = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
EVENTS = "jdk.ExecutionSample,jdk.ObjectAllocationSample,jdk.JavaExceptionThrow,jdk.GarbageCollection"


def events(path, depth):
    """Yields (type, fields, stack) of each event; fields are the event's top-level "name = value" lines."""
    out = subprocess.run([JFR, "print", "--events", EVENTS, "--stack-depth", str(depth), path],
                         capture_output=True, text=True, check=True).stdout
    kind, fields, stack, in_stack = None, {}, [], False
    for line in out.splitlines():
        s = line.strip()
        if line.startswith("jdk.") and s.endswith("{"):
            kind, fields, stack, in_stack = s.split()[0], {}, [], False
        elif line == "}" and kind:
            yield kind, fields, stack
            kind = None
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack:
            if s == "]":
                in_stack = False
            elif s != "...":
                stack.append(re.sub(r"\s+line:.*$", "", s))
        elif kind and line.startswith("  ") and not line.startswith("   ") and " = " in s:
            k, v = s.split(" = ", 1)
            fields[k] = v


def clock(v):
    m = re.match(r"(\d\d:\d\d:\d\d)", v)
    return m.group(1) if m else ""


def method(frame):
    return frame.split("(")[0]


def package(frame):
    parts = method(frame).split(".")
    return ".".join(parts[:4] if parts[0] == "org" and len(parts) > 4 else parts[:3])


def thread(fields):
    name = re.match(r'"([^"]*)"', fields.get("sampledThread", fields.get("eventThread", '"?"')))
    return re.sub(r"\d+", "N", name.group(1) if name else "?") or "(virtual)"


def size(v):
    m = re.match(r"([\d.]+) (\w+)", v)
    return float(m.group(1)) * {"bytes": 1, "byte": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}.get(m.group(2), 1) if m else 0


def show(title, counter, total, top, per=None, unit=""):
    print(f"\n{title}")
    for key, c in counter.most_common(top):
        extra = f"  {c / per:9.3f}{unit}/call" if per else ""
        print(f"  {c:10.0f} {100 * c / max(total, 1):5.1f}%{extra}  {key}")


def main():
    a = argparse.ArgumentParser()
    a.add_argument("file")
    a.add_argument("--since", default="00:00:00")
    a.add_argument("--until", default="99:99:99")
    a.add_argument("--calls", type=int, default=0)
    a.add_argument("--top", type=int, default=15)
    a.add_argument("--thread", default="", help="only samples of threads whose folded name matches this regex, "
                                                  "e.g. '^\\(virtual\\)$' or 'sip-io'")
    o = a.parse_args()
    self_c, pkg_c, ours_c, thr_c = (collections.Counter() for _ in range(4))
    alloc_top, alloc_cls, exc, gc = collections.Counter(), collections.Counter(), collections.Counter(), []
    samples = alloc = 0
    for kind, f, st in events(o.file, 64):
        t = clock(f.get("startTime", ""))
        if not (o.since <= t <= o.until) or (o.thread and not re.search(o.thread, thread(f))):
            continue
        if kind == "jdk.ExecutionSample":
            samples += 1
            top = method(st[0]) if st else "?"
            self_c[top] += 1
            pkg_c[package(st[0]) if st else "?"] += 1
            ours_c[next((method(x) for x in st if x.startswith("org.carillon")), "(no carillon frame) " + top)] += 1
            thr_c[thread(f)] += 1
        elif kind == "jdk.ObjectAllocationSample":
            w = size(f.get("weight", "0 bytes"))
            alloc += w
            alloc_top[next((method(x) for x in st if x.startswith("org.carillon")), method(st[0]) if st else "?")] += w
            alloc_cls[f.get("objectClass", "?").split(" (")[0]] += w
        elif kind == "jdk.JavaExceptionThrow":
            thrower = next((method(x) for x in st if not x.startswith("java.lang.Throwable")
                            and ".<init>" not in x), "?")
            exc[f.get("thrownClass", "?").split(" (")[0] + " from " + thrower] += 1
        elif kind == "jdk.GarbageCollection":
            m = re.match(r"([\d.]+) (\w+)", f.get("sumOfPauses", "0 ms"))
            gc.append(float(m.group(1)) * {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1e3}.get(m.group(2), 1) if m else 0)
    n = o.calls or None
    print(f"{o.file} {o.since}-{o.until}: {samples} execution samples"
          + (f", {samples / n:.3f} per call" if n else "") + f"; {alloc / 1e6:.0f} MB allocated (sampled weight)"
          + (f", {alloc / n / 1e3:.1f} kB per call" if n else ""))
    show("execution samples by top frame (self)", self_c, samples, o.top)
    show("by package of the top frame", pkg_c, samples, o.top)
    show("by innermost org.carillon frame (inclusive of what it called)", ours_c, samples, o.top)
    show("by thread", thr_c, samples, o.top)
    show("allocation (bytes) by innermost carillon frame", alloc_top, alloc, o.top, n and n * 1e3, " kB")
    show("allocation (bytes) by class", alloc_cls, alloc, o.top)
    show("exceptions thrown", exc, sum(exc.values()), o.top, n)
    print(f"\nGC: {len(gc)} collections, {sum(gc):.1f} ms of pauses")


if __name__ == "__main__":
    main()
