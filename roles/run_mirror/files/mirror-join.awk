# Joins the mirror's analyzer log to k6's console log by request number and writes mirror.csv's rows
# (the lab's columns): per backend that answered, and for all requests, how many were mirrored, the
# share with its 95 % Wilson interval, and the backend's part of all mirrored requests.
#   awk -v run=1 -v percent=40 -v labels=stable,canary -f mirror-join.awk analyzer.log k6.log
# analyzer.log: one request number a line (other lines: nginx's own messages, probes without the
# header, are skipped). k6.log: the script's lines "Hostname: <pod> request=<vu>-<iteration>"; the
# backend is the pod's Deployment, the pod name without its two generated suffixes. A request that
# got no answer from a backend ("Hostname not found") is not counted.
function wilson(k, n, upper,    z, p, c, h) {
    if (n == 0) return ""
    z = 1.959964; p = k / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return round4(upper ? (c + h > 1 ? 1 : c + h) : (c - h < 0 ? 0 : c - h))
}
function round4(x) { return sprintf("%.4f", x) + 0 }
function row(label, n, k) {
    printf "%s,%s,%s,%d,%d,%s,%s,%s,%s\n", run, percent, label, n, k, n ? round4(k / n) : "", wilson(k, n, 0),
        wilson(k, n, 1), all_mirrored ? round4(k / all_mirrored) : ""
}
FILENAME == ARGV[1] { sub(/\r$/, ""); if ($0 ~ /^[0-9]+-[0-9]+$/) mirrored[$0] = 1; next }
match($0, /Hostname: [a-z0-9.-]+ request=[0-9]+-[0-9]+/) {
    split(substr($0, RSTART, RLENGTH), f, " ")
    label = f[2]; sub(/-[a-z0-9]+-[a-z0-9]+$/, "", label)
    id = substr(f[3], length("request=") + 1)
    requests[label]++; all_requests++
    if (id in mirrored) { hits[label]++; all_mirrored++ }
}
END {
    n = split(labels, order, ",")
    for (i = 1; i <= n; i++) { row(order[i], requests[order[i]], hits[order[i]]); listed[order[i]] = 1 }
    for (label in requests) if (!(label in listed)) row(label, requests[label], hits[label])
    row("all", all_requests, all_mirrored)
}
