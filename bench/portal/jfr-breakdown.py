#!/usr/bin/env python3
"""Summarise jdk.ExecutionSample of a JFR file.
usage: jfrstat.py file.jfr [requests]
Prints total samples (and per request), top self methods, and a breakdown where each sample goes to the first
category (in the order of the list below) whose pattern appears anywhere in its stack."""
import subprocess, sys, re, collections
import os
JFR = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
CATS = [
  ("gc/jit/vm", None),
  ("resource URL encoding", "ResourceUrlEncodingResponseWrapper.encodeURL"),
  ("commons-logging LogFactory", "org.apache.commons.logging"),
  ("JDBC (driver+pool+JdbcClient)", ("org.postgresql", "com.zaxxer.hikari", "org.springframework.jdbc")),
  ("Thymeleaf render", "org.thymeleaf"),
  ("controller/model", ("org.carillon.portal", "HandlerMethod", "ModelFactory")),
  ("Spring MVC (dispatch, views)", "DispatcherServlet"),
]
FILTER = re.compile(r"^([\w$.]+)\.(doFilter|doFilterInternal|invoke)\(")
f = sys.argv[1]
reqs = int(sys.argv[2]) if len(sys.argv) > 2 else 0
out = subprocess.run([JFR, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "300", f],
                     capture_output=True, text=True).stdout
samples, cur, inst = [], None, False
for line in out.splitlines():
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"):
        cur = []; samples.append(cur); inst = False
    elif s.startswith("stackTrace = ["):
        inst = True
    elif inst and s == "]":
        inst = False
    elif inst and cur is not None and s != "...":
        cur.append(s)
n = len(samples)
print(f"{f}: {n} samples" + (f", {reqs} requests, {1000*n/reqs:.1f} samples per 1000 requests" if reqs else ""))
def cat(st):
    if not st: return "gc/jit/vm"
    for name, pat in CATS[1:]:
        pats = pat if isinstance(pat, tuple) else (pat,)
        if any(p in fr for fr in st for p in pats):
            return name
    for fr in st:   # the innermost servlet filter or Tomcat valve the sample is in, itself
        m = FILTER.match(fr)
        if m and ("Filter" in m.group(1) or "Valve" in m.group(1)) and "FilterChain" not in m.group(1) \
                and "ObservationFilter" not in m.group(1):
            return "filter " + m.group(1).split(".")[-1]
    if any("org.apache" in fr for fr in st):
        return "Tomcat (connector, I/O)"
    return "other"
cc = collections.Counter(cat(st) for st in samples)
for name, c in cc.most_common():
    print(f"  {c:5d} {100*c/n:5.1f}%" + (f" {1000*c/reqs:6.1f}/1000req" if reqs else "") + f"  {name}")
self_c = collections.Counter(st[0].split("(")[0] if st else "?" for st in samples)
print("  top self:")
for m, c in self_c.most_common(12):
    print(f"    {c:5d} {100*c/n:5.1f}%  {m}")

if reqs:
    out = subprocess.run([JFR, "print", "--events", "jdk.GCHeapSummary", f], capture_output=True, text=True).stdout
    ev = []
    for block in out.split("jdk.GCHeapSummary")[1:]:
        gc = int(re.search(r"gcId = (\d+)", block).group(1))
        when = re.search(r'when = "(\w+) GC"', block).group(1)
        m = re.search(r"heapUsed = ([\d.]+) (\w+)", block)
        used = float(m.group(1)) * {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[m.group(2)]
        ev.append((gc, when, used))
    ev.sort(key=lambda e: (e[0], e[1] != "Before"))
    total, last_after = 0.0, None
    for gc, when, used in ev:
        if when == "Before" and last_after is not None:
            total += max(0.0, used - last_after)
        if when == "After":
            last_after = used
    gcs = len({e[0] for e in ev})
    print(f"{f}: {gcs} GCs, ~{total/1e6:.0f} MB allocated between them, ~{total/reqs/1e3:.0f} kB per request")
