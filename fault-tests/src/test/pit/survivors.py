#!/usr/bin/env python3
"""Writes the figures and the table of surviving mutants of a PIT run (fault-tests/target/pit-reports/mutations.xml)
as Markdown, each survivor with the reason it survives, from the rules below (first match wins).

    python3 fault-tests/src/test/pit/survivors.py fault-tests/target/pit-reports/mutations.xml COMMIT

A reason says why no test can tell the mutant from the original (equivalent), why PIT cannot see it (static
initialisers run once per JVM, before the mutant is active), or, honestly, that a test could kill it but none does
yet ("killable").
"""
import re
import sys
import xml.etree.ElementTree as ET

RULES = [
    # (class regex, method regex, mutator-description regex, reason)
    # --- ClientRuntime, RetryPolicy, OperationRequest, ParameterChecks, ErrorTable, BeanChecks, QuietConnectionFactory,
    # HttpStack, UnknownEnums, WaiterThreads ---
    (r"^RetryPolicy$", r"backoff", r"changed conditional boundary",
     "equivalent: at initial == Long.MAX_VALUE >> shift the exact product (2^63 - 2^shift ms) and Long.MAX_VALUE are "
     "both far above the cap (at most 365 days), which the ceiling takes either way"),
    (r"internal\.ParameterChecks", r"compare", r"changed conditional boundary",
     "equivalent: the value is infinite on that line (checked just before), never 0, so d > 0 and d >= 0 agree"),
    (r"internal\.OperationRequest", r"buildPath", r"changed conditional boundary",
     "equivalent: an OpenAPI path template begins with '/', so '{' is never at index 0, and a '}' found after a '{' is "
     "at index 1 or more: >= 0 / > 0 and < 0 / <= 0 agree on every template"),
    (r"QuietConnectionFactory\$QuietConnection", r"sendRequestHeader", r"changed conditional boundary",
     "equivalent: a request-target never starts with '?' (origin-form starts with '/', absolute-form with its scheme), "
     "so indexOf('?') is never 0"),
    (r"^ClientRuntime$", r"readText", r"changed conditional boundary",
     "equivalent: InputStream.read(byte[8192]) blocks until it returns at least one byte or -1, never 0"),
    (r"^ClientRuntime$", r"read", r"negated conditional|changed conditional boundary",
     "equivalent: only the size of the first buffer changes (8 KiB instead of the announced length + 1, an empty "
     "first buffer when no length is announced, or 8 KiB instead of 1 byte for Content-Length: 0); the bytes read, "
     "the body's end and the connection's fate are the same (allocation only)"),
    (r"^ClientRuntime$", r"firstUri", r"changed conditional boundary",
     "equivalent: the URL is absolute (it starts with its scheme), so '?' is never at index 0"),
    (r"^ClientRuntime$", r"success", r"negated conditional",
     "equivalent: of its two conditionals, 'not at the end after readValue' is never true (trailing tokens are "
     "checked, so Jackson reads every body it accepts to its end, and the connection went back to the pool at that "
     "end: an abort() then finds nothing to drop), and 'unknown enum values seen' only decides whether an empty map "
     "is logged at DEBUG (PIT's minions log at WARN)"),
    (r"^ClientRuntime$", r"success", r"removed call to .*ClientRuntime::abort",
     "unreachable: the reader fails on trailing tokens, so Jackson reads every body it accepts to its end and "
     "in.atEnd() is true after readValue"),
    (r"internal\.UnknownEnums\$2$", r"modifySerializer", r".",
     "invisible to PIT: the shared mapper makes each enum's serializer once and caches it, before the mutant is "
     "active (PlaceholderInRequestTest fails when enums are not wrapped)"),
    (r"internal\.UnknownEnums\$Refuser$", r"createContextual", r"negated conditional",
     "equivalent: a generated enum's serializer is Jackson's @JsonValue serializer, which finds the serializer of "
     "the value (a String) by itself when not contextualized: the same JSON either way"),
    (r"internal\.UnknownEnums\$Refuser$", r"createContextual", r"replaced return value with null",
     "invisible to PIT: serializers are contextualized once per property and cached by the shared mapper before the "
     "mutant is active"),
    (r"internal\.UnknownEnums\$Refuser$", r"isEmpty", r"replaced boolean return with false",
     "equivalent on every spec: an enum value is empty only if its wire value is the empty string, which no spec "
     "lists (and only properties included NON_EMPTY ask; PlaceholderInRequestTest kills 'true')"),
    (r"^ClientRuntime$", r"success", r"removed call to .*UnknownEnums::stop",
     "equivalent: the call's sink is a local map that ApiResponse copies before the call returns; a later parse on the "
     "thread writes only into that discarded map (UnknownEnumsTest checks stop() itself)"),
    (r"^ClientRuntime$", r"run", r"removed call to .*ClientRuntime::abort",
     "equivalent: every IOException there comes from reading the entity's stream, and HttpClient's EofSensorInputStream "
     "already discards the connection when a read fails (ResponseEntityProxy.streamAbort): this abort() is a guard "
     "that finds the connection gone"),
    (r"^ClientRuntime$", r"backoff", r"changed conditional boundary",
     "equivalent in practice: a wait exactly equal to the nanoseconds left of the call (System.nanoTime) cannot be "
     "arranged by a test"),
    (r"^ClientRuntime$", r"reader|lambda\$reader\$\d+", r".*",
     "invisible to PIT: the per-type reader cache is static, so once any test in the minion JVM has read a type, the "
     "mutated miss path is never reached again (in a fresh JVM the first read of every type would fail)"),
    (r"^ClientRuntime$", r"context", r"negated conditional",
     "equivalent: the first decides between the shared request config and a fresh one with the same timeouts (the "
     "same settings, allocation only); the second sets the no-credentials marker, read only by the TRACE request "
     "log, which PIT's minions run at WARN (the fault suite's secret scan reads it at TRACE)"),
    (r"internal\.WaiterThreads", r".*", r".*",
     "invisible to PIT: the waiter's shared executors are made once per JVM in a static holder's initialiser, before "
     "the mutant is active (WaiterThreadsTest checks that they run polls and timers on named daemon threads); their "
     "30 s idle end and dropping cancelled timers show only after 30 s or in the executor's internals"),
    # --- older rules ---
    (r"ClientRuntime", r"success", r"removed call to .*BodyStream::release",
     "equivalent for behaviour: the head buffer is not returned to the pool, so the next call allocates a new one "
     "(only allocation differs; the benchmarks see it, no functional test can)"),
    (r"internal\.HttpStack", r"lambda\$pool|pool", r".*",
     "equivalent: the shared connection config and a freshly built one hold the same timeouts (allocation only)"),
    (r"ClientRuntime", r"run", r"long (subtraction|division)",
     "equivalent: the elapsed milliseconds of a DEBUG log line (no test reads log timings)"),
    (r"ClientRuntime", r"lambda\$new\$0", r".*",
     "TRACE-only branch of the redacted request log that masks a presigned URL's query: runs only with "
     "dev.sttclients.http at TRACE, which the PIT minions run at WARN (the fault suite checks it at TRACE)"),
    (r"ClientRuntime", r"validate", r".*",
     "dead code kept for clients generated by 0.1: generated code now runs its own checks (ParameterChecks)"),
    (r"QuietConnectionFactory\$DeadlineInputStream", r"read", r"changed conditional boundary",
     "equivalent in practice: a deadline hit at exactly 0 ns left vs 1 ns left cannot be arranged by a test"),
    # --- UniqueKeys (repeated JSON keys, issue 17) ---
    (r"internal\.UniqueKeys$", r"of", r"negated conditional",
     "equivalent for behaviour: every document then gets fresh tables instead of the thread's (allocation only)"),
    (r"internal\.UniqueKeys\$Names", r"add", r"Shift|XOR|integer addition",
     "equivalent: where a name starts probing in the open-addressed table and which way it probes change only how "
     "many slots a lookup visits; every slot is visited before an empty one ends the probe either way"),
    (r"internal\.UniqueKeys\$Names", r"add", r"negated conditional",
     "equivalent for behaviour: every name then goes to the HashSet from the first (allocation only)"),
    # --- waiter and errors (dev.sttclients.runtime.waiter.*, dev.sttclients.runtime.errors.*) ---
    (r"waiter\.Wait$", r"longer|shorter", r"changed conditional boundary",
     "equivalent: the boundary is two equal durations, and then either operand is the same value"),
    (r"waiter\.Wait$", r"pollOptions", r"changed conditional boundary",
     "equivalent: a caller's call timeout exactly equal to the time left is kept either way: as the caller's own "
     "options or as a copy with that same call timeout, headers and retries (only the object differs; "
     "RequestOptions has no identity-dependent behaviour)"),
    # --- bodies (BinaryBody, BinaryResponse, internal.RequestBodies, internal.BodyStream) ---
    (r"internal\.BodyStream", r"keepHead", r"changed conditional boundary",
     "equivalent: with count == HEAD (count <= HEAD) the head copy is of Math.min(n, HEAD - count) = 0 bytes at the "
     "buffer's end, a no-op that System.arraycopy accepts"),
]


def reason(cls, method, desc):
    for c, m, d, why in RULES:
        if re.search(c, cls) and re.fullmatch(m, method) and re.search(d, desc):
            return why
    return "killable: no test states this yet"


def main(path, commit):
    root = ET.parse(path).getroot()
    total = killed = 0
    rows = []
    for m in root.findall("mutation"):
        total += 1
        status = m.get("status")
        if status in ("KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"):
            killed += 1
            continue
        cls = m.find("mutatedClass").text.replace("dev.sttclients.runtime.", "")
        method = m.find("mutatedMethod").text
        line = m.find("lineNumber").text
        desc = m.find("description").text.replace("dev/sttclients/runtime/", "")
        rows.append((cls, int(line), method, desc, status, reason(cls, method, desc)))
    rows.sort()
    print(f"At commit {commit}: {total} mutants, {killed} killed ({100 * killed / total:.1f} %), "
          f"{len(rows)} surviving or not covered.\n")
    print("| class | line | method | mutant | status | why it survives |")
    print("| --- | --- | --- | --- | --- | --- |")
    for cls, line, method, desc, status, why in rows:
        print(f"| {cls} | {line} | {method} | {desc} | {status.lower().replace('_', ' ')} | {why} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "?")
