#!/usr/bin/env bash
# bench/run.sh: time snatlint standalone (`snatlint ./...`) and as a vet tool
# (`go vet -vettool=snatlint ./...`) against plain `go vet ./...`, on
# testdata/integration (real Azure SDK) and on a copy of a larger real
# module from the module cache (github.com/Azure/azure-sdk-for-go/sdk/azcore),
# with a cold build cache (GOCACHE in a fresh temporary directory) and warm
# (the same command again). Prints wall-clock seconds and the ratio to
# go vet.
#
#   bash bench/run.sh
#
# Needs the modules of testdata/integration in the module cache
# (`cd testdata/integration && go mod download`).
#
# Then the Python section (below; BENCH_PYTHON=0 skips it) times the Python
# pass on Debian's python3-azure and python3-django trees: parse-only
# against the whole pass, and the whole pass with a cold and a warm result
# cache, with peak RSS (needs /usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
# -mod=mod only for the module copies below (never in this checkout: it
# would rewrite go.mod).
export GOWORK=off GOFLAGS=-mod=readonly

bin="$work/snatlint"
(cd "$root" && go build -o "$bin" ./cmd/snatlint)
export GOFLAGS=-mod=mod

azcore_version=v1.23.3
modcache=$(go env GOMODCACHE)
azcore_src="$modcache/github.com/!azure/azure-sdk-for-go/sdk/azcore@$azcore_version"
if [[ ! -d "$azcore_src" ]]; then
	(cd "$root/testdata/integration" && go mod download github.com/Azure/azure-sdk-for-go/sdk/azcore)
fi
cp -r "$azcore_src" "$work/azcore"
chmod -R u+w "$work/azcore"
(cd "$work/azcore" && go mod download all >/dev/null 2>&1 || go mod download)

# seconds CMD...: runs CMD, prints its wall-clock time in seconds; the exit
# status is ignored (findings make go vet and snatlint exit 1).
seconds() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || true
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

printf '%-22s %-28s %9s %9s %11s %11s\n' target command cold warm "cold/vet" "warm/vet"
for target in integration azcore; do
	case $target in
	integration) dir="$root/testdata/integration" flags=-mod=readonly ;;
	azcore) dir="$work/azcore" flags=-mod=mod ;;
	esac
	declare -A cold warm
	for mode in vet vettool standalone; do
		case $mode in
		vet) cmd=(go vet ./...) ;;
		vettool) cmd=(go vet "-vettool=$bin" ./...) ;;
		standalone) cmd=("$bin" ./...) ;;
		esac
		cache="$work/gocache-$target-$mode"
		mkdir -p "$cache"
		cold[$mode]=$(cd "$dir" && export GOCACHE="$cache" GOFLAGS="$flags" && seconds "${cmd[@]}")
		warm[$mode]=$(cd "$dir" && export GOCACHE="$cache" GOFLAGS="$flags" && seconds "${cmd[@]}")
	done
	for mode in vet vettool standalone; do
		case $mode in
		vet) label="go vet ./..." ;;
		vettool) label="go vet -vettool=snatlint" ;;
		standalone) label="snatlint ./..." ;;
		esac
		printf '%-22s %-28s %9s %9s %11s %11s\n' "$target" "$label" "${cold[$mode]}s" "${warm[$mode]}s" \
			"$(ratio "${cold[$mode]}" "${cold[vet]}")" "$(ratio "${warm[$mode]}" "${warm[vet]}")"
	done
	unset cold warm
done
echo "(cpus: $(nproc); $(go version); load average: $(cut -d" " -f1-3 /proc/loadavg))"

# ======================================================================
# Python section: the Python pass on real corpora (Debian packages):
# tree-sitter parse-only (the floor) against the whole pass, both on every
# core, then the whole pass with an empty result cache (it fills it) and
# again unchanged (warm). Each row: wall time, MB/s, peak RSS.
# BENCH_PY_CORPORA="name=dir ..." picks other trees.
# ======================================================================
python_section() {
	local pyrun="$work/pyrun" corpora name dir files mb parse whole cold warm
	(cd "$root" && go build -o "$pyrun" ./pylint/internal/pyrun)
	corpora=${BENCH_PY_CORPORA:-"azure=/usr/lib/python3/dist-packages/azure django=/usr/lib/python3/dist-packages/django"}
	printf '%-7s %6s %7s | %-18s | %-18s %-6s | %-18s | %-18s\n' corpus files MB parse-only "whole pass" "/parse" "cold cache" "warm cache"
	for spec in $corpora; do
		name=${spec%%=*} dir=${spec#*=}
		if [[ ! -d $dir ]]; then
			echo "python: $name skipped: $dir is missing (apt-get install python3-$name)"
			continue
		fi
		files=$(find "$dir" -name '*.py' -type f | wc -l)
		mb=$(find "$dir" -name '*.py' -type f -print0 | du -cb --files0-from=- | tail -1 | awk '{ printf "%.1f", $1 / 1e6 }')
		parse=$(py_measure "$root" "$pyrun" -parse-only -tests "$dir")
		whole=$(py_measure "$root" "$pyrun" -q -tests "$dir")
		cold=$(py_measure "$root" "$pyrun" -q -tests -cache "$work/pycache-$name" "$dir")
		warm=$(py_measure "$root" "$pyrun" -q -tests -cache "$work/pycache-$name" "$dir")
		printf '%-7s %6s %7s | %-18s | %-18s %-6s | %-18s | %-18s\n' "$name" "$files" "$mb" \
			"$(pycell "$parse" "$mb")" "$(pycell "$whole" "$mb")" "$(awk -v p="${parse%% *}" -v w="${whole%% *}" 'BEGIN { printf "%.0f%%", 100 * p / w }')" \
			"$(py_cell "$cold")" "$(py_cell "$warm")"
	done
	echo "python: '/parse' is the whole pass's throughput as a share of parse-only's (goal: >= 80%); cpus $(nproc); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# py_measure DIR CMD...: runs CMD in DIR and prints "SECONDS RSS_MB".
py_measure() {
	local dir=$1 out
	shift
	out=$(cd "$dir" && /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1) || true
	awk '{ printf "%.2f %.0f", $1, $2 / 1024 }' <<<"$out"
}

# py_cell "SECONDS RSS_MB": "12.34s 567MB"
py_cell() { awk '{ printf "%ss %sMB", $1, $2 }' <<<"$1"; }

# pycell "SECONDS RSS_MB" MB: "12.3s 9.1MB/s 456MB"
pycell() { awk -v mb="$2" '{ printf "%ss %.1fMB/s %sMB", $1, ($1 > 0 ? mb / $1 : 0), $2 }' <<<"$1"; }

if [[ ${BENCH_PYTHON:-1} != 0 ]]; then
	python_section
fi
