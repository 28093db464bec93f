#!/usr/bin/env bash
# What the typed-results features cost a user's crate to build (BENCHMARKS.md, "What the arrow
# and polars features cost to build"). For each feature set, a one-file crate depending on
# civis with `default-features = false` is built from clean (its own target directory, the
# workspace's Cargo.lock, the registry already downloaded), then rebuilt after touching its
# main.rs. Printed per set: the crates built, the clean build's wall time and the largest
# process's peak memory (GNU time's maximum resident set size: the biggest rustc), and the
# rebuild's wall time.
#
#   benches/feature-cost.sh                     # debug builds of io, io+arrow, io+polars
#   benches/feature-cost.sh --release           # release builds
#   benches/feature-cost.sh --release io,arrow  # only the sets named
#
# Two settings of the user's crate, from the environment: FEATURE_COST_DEPS, more lines for its
# [dependencies] (polars with `lazy`, say), and FEATURE_COST_PROFILE, more of its Cargo.toml
# (a [profile.dev.package."*"] table, say). Also printed: the CPU time of the clean build
# (user + system, which other work on the machine changes less than the wall time), the
# binary's size, and the largest process of the rebuild (the link).
#
# Run it on an idle machine: two builds at once would share its cores.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
release=""
profile=debug
if [[ "${1:-}" == "--release" ]]; then
    release="--release"
    profile=release
    shift
fi
sets=("$@")
if [[ ${#sets[@]} -eq 0 ]]; then
    sets=(io io,arrow io,polars)
fi
work="$repo/target/feature-cost/$profile"

seconds() { # GNU time's "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.03" in seconds
    awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"
}
peak_mb() {
    awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

cpu_seconds() {
    awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1"
}

printf '%-12s %7s %10s %9s %10s %10s %11s %11s\n' features crates "clean (s)" "CPU (s)" "peak (MB)" \
    "touch (s)" "touch (MB)" "binary (MB)"
for features in "${sets[@]}"; do
    dir="$work/${features//,/-}"
    rm -rf "$dir"
    mkdir -p "$dir/src"
    quoted=$(echo "$features" | sed 's/\([a-z-]*\)/"\1"/g')
    cat > "$dir/Cargo.toml" <<EOF
[package]
name = "feature-cost"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
civis = { path = "$repo/civis", default-features = false, features = [$quoted] }
${FEATURE_COST_DEPS:-}

[workspace]

${FEATURE_COST_PROFILE:-}
EOF
    cat > "$dir/src/main.rs" <<'EOF'
fn main() {
    let client = civis::Client::builder().api_key("k").build();
    println!("{}", client.is_ok());
}
EOF
    cp "$repo/Cargo.lock" "$dir/Cargo.lock"
    # Dependencies of FEATURE_COST_DEPS that the workspace does not lock are fetched first.
    if [[ -n "${FEATURE_COST_DEPS:-}" ]]; then
        (cd "$dir" && cargo fetch -q)
    fi
    crates=$(cd "$dir" && cargo tree --offline -e normal --prefix none 2>/dev/null | sed 's/ (\*)//' | sort -u | wc -l)
    (cd "$dir" && /usr/bin/time -v cargo build --offline -q $release 2> "$dir/clean.time" >/dev/null) ||
        { cat "$dir/clean.time"; exit 1; }
    touch "$dir/src/main.rs"
    (cd "$dir" && /usr/bin/time -v cargo build --offline -q $release 2> "$dir/touch.time" >/dev/null)
    binary=$(du -m "$dir/target/$profile/feature-cost" | cut -f1)
    printf '%-12s %7s %10s %9s %10s %10s %11s %11s\n' "$features" "$crates" \
        "$(seconds "$dir/clean.time")" "$(cpu_seconds "$dir/clean.time")" \
        "$(peak_mb "$dir/clean.time")" "$(seconds "$dir/touch.time")" \
        "$(peak_mb "$dir/touch.time")" "$binary"
done
