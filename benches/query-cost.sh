#!/usr/bin/env bash
# What `civis::query!` costs a crate's build (BENCHMARKS.md, "SQL checked at compile time").
#
# Two crates of N functions (default 100), ten to a file, each function one query of the
# civis-sql corpus (civis-sql/tests/corpus/, the queries the analysis accepts, their
# `{{name}}`s given values): `typed` checks each with `civis::query!` against the corpus's pins;
# `plain` passes the same SQL as a string to `client.sql(..)`. Both depend on civis with
# `typed-sql` (the feature's own cost is feature-cost.sh's), so the difference is the
# expansions and the code they generate. Each is built once, then rebuilt R times (default 5)
# after touching one of its files, as an edit does; printed: the median rebuild of each, the
# difference, and the difference per query.
#
#   benches/query-cost.sh            # 100 queries, debug
#   benches/query-cost.sh 100 --release
#
# Run it on an idle machine.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100}
release=""
profile=debug
if [[ "${2:-}" == "--release" ]]; then
    release="--release"
    profile=release
fi
rounds=${ROUNDS:-5}
work="$repo/target/query-cost/$profile-$n"
corpus="$repo/civis-sql/tests/corpus"

# The queries the analysis accepts, by the command line that runs the same analysis.
cargo build --quiet -p civis-cli --manifest-path "$repo/Cargo.toml"
civis="$repo/target/debug/civis"
accepted=()
for file in "$corpus"/queries/*.sql; do
    if (cd "$corpus" && "$civis" sql check -d redshift-general -f "$file" >/dev/null 2>&1); then
        accepted+=("$file")
    fi
    [[ ${#accepted[@]} -ge $n ]] && break
done
if [[ ${#accepted[@]} -lt $n ]]; then
    echo "only ${#accepted[@]} corpus queries are accepted; asked for $n" >&2
    exit 1
fi

for variant in typed plain; do
    dir="$work/$variant"
    rm -rf "$dir"
    mkdir -p "$dir/src"
    cp -r "$corpus/.civis" "$dir/.civis"
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "query-cost-$variant"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
civis = { path = "$repo/civis", default-features = false, features = ["typed-sql"] }

[workspace]
TOML
    cp "$repo/Cargo.lock" "$dir/Cargo.lock"
    python3 - "$variant" "$dir/src" "${accepted[@]}" <<'PY'
import re, sys
variant, src, files = sys.argv[1], sys.argv[2], sys.argv[3:]
def rust_str(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'
modules = []
for start in range(0, len(files), 10):
    m = f"q{start // 10}"
    modules.append(m)
    body = []
    for i, path in enumerate(files[start:start + 10], start):
        sql = "\n".join(l for l in open(path).read().splitlines() if not l.strip().startswith("--")).strip()
        names = []
        for match in re.finditer(r"(')?\{\{(\w+)\}\}", sql):
            quoted, name = match.group(1), match.group(2)
            if name not in [n for n, _ in names]:
                names.append((name, '"2026-01-01"' if quoted else "1"))
        if variant == "typed":
            args = "".join(f", {n} = {v}" for n, v in names)
            body.append(f"pub fn f{i}(c: &civis::Client) -> usize {{\n    let q = civis::query!(\"redshift-general\", {rust_str(sql)}{args});\n    let _ = q.on(c);\n    q.columns().len()\n}}\n")
        else:
            body.append(f"pub fn f{i}(c: &civis::Client) -> usize {{\n    let s = c.sql({rust_str(sql)}, \"redshift-general\");\n    std::mem::size_of_val(&s)\n}}\n")
    open(f"{src}/{m}.rs", "w").write("\n".join(body))
main = "#![allow(dead_code)]\n" + "".join(f"mod {m};\n" for m in modules)
calls = " + ".join(f"{m}::f{int(m[1:]) * 10}(&c)" for m in modules)
main += f"\nfn main() {{\n    let c = civis::Client::builder().api_key(\"k\").build().expect(\"client\");\n    println!(\"{{}}\", {calls});\n}}\n"
open(f"{src}/main.rs", "w").write(main)
PY
    (cd "$dir" && cargo build --offline -q $release 2>"$dir/clean.txt") || { cat "$dir/clean.txt"; exit 1; }
    for round in $(seq "$rounds"); do
        touch "$dir/src/q0.rs"
        start=$(date +%s.%N)
        (cd "$dir" && cargo build --offline -q $release)
        end=$(date +%s.%N)
        echo "$end - $start" | bc -l
    done | sort -n > "$dir/rebuilds.txt"
done
median() { sed -n "$(( (rounds + 1) / 2 ))p" "$1"; }
typed=$(median "$work/typed/rebuilds.txt")
plain=$(median "$work/plain/rebuilds.txt")
printf 'queries %d (%s): rebuild after touching one file, median of %d: typed %.2f s, plain %.2f s, difference %.2f s, %.1f ms a query\n' \
    "$n" "$profile" "$rounds" "$typed" "$plain" "$(echo "$typed - $plain" | bc -l)" "$(echo "($typed - $plain) * 1000 / $n" | bc -l)"
