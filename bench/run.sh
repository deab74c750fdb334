#!/usr/bin/env bash
# bench/run.sh: snatlint's benchmarks, printed side by side. Not a test:
# nothing fails because a machine is slow.
#
#   bash bench/run.sh [go] [python]     (default: both)
#
# Each section is kept apart so that it can be edited on its own:
#   Go      standalone `snatlint ./...` against `go vet ./...`: cold (empty
#           build cache for both), warm (the same again) and after a
#           one-line edit (a comment appended to one file of one package),
#           on testdata/integration (a service on the real Azure SDK for
#           Go); and a large public module (>= 100 root packages, from the
#           module cache) cold against go vet cold. BENCH_LARGE=0 skips the
#           large module (it takes minutes); BENCH_LARGE_MODULE=path@version
#           picks another one.
#   Python  the Python pass on Debian's python3-azure and python3-django
#           trees: parse-only against the whole pass, and the whole pass with
#           a cold and a warm result cache, with peak RSS (BENCH_PYTHON=0
#           skips it). Parse-only and the whole pass run alternately
#           BENCH_PY_RUNS times (default 3), and on a small tree again
#           until the pairs took BENCH_PY_SECONDS (default 30): the row
#           shows the median time of each, the highest RSS and the number
#           of pairs, so that a slow spell of the machine falls on both and
#           not on one (a run of one second on a shared 2-core VM varies by
#           a fifth from one run to the next). The warm cache column is the
#           median of three runs (single warm runs on the Azure SDK took
#           2.4 to 3.5 s within an hour on that VM).
#
# Times are wall-clock seconds; RSS is the peak resident set of the
# command and its children (/usr/bin/time -v). The load average is printed
# before and after: compare runs made on a quiet machine.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export GOWORK=off GOFLAGS=-mod=readonly
unset SNATLINT_CACHE

bin="$work/snatlint"
(cd "$root" && go build -o "$bin" ./cmd/snatlint)

# measure DIR CMD...: runs CMD in DIR (exit status ignored: findings make
# go vet and snatlint exit 1) and prints "SECONDS RSS_MB".
measure() {
	local dir=$1 out
	shift
	out=$(cd "$dir" && /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1) || true
	awk '{ printf "%.2f %.0f", $1, $2 / 1024 }' <<<"$out"
}

# cell "SECONDS RSS_MB": "12.34s 567MB"
cell() { awk '{ printf "%ss %sMB", $1, $2 }' <<<"$1"; }

ratio() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

loadavg() { cut -d" " -f1-3 /proc/loadavg; }

if [[ ! -x /usr/bin/time ]]; then
	echo "bench/run.sh needs /usr/bin/time (Debian package: time)" >&2
	exit 2
fi

sections=("$@")
[[ ${#sections[@]} -eq 0 ]] && sections=(go python)
echo "bench/run.sh on $(nproc) cpus, $(go version | cut -d' ' -f3-), $(date -u +%Y-%m-%d); load average at start: $(loadavg)"

# ======================================================================
# Go section: standalone mode against go vet.
# ======================================================================
go_section() {
	# Cold/warm/after-edit on a copy of testdata/integration, one copy and
	# one build cache per tool. The edit appends a comment line to one file
	# of one package (the pre-commit case).
	local target="$root/testdata/integration"
	(cd "$target" && go mod download)
	printf '\n%-26s %-16s %16s %16s %16s %9s %9s %9s\n' target command cold warm "after edit" cold/vet warm/vet edit/vet
	local tool dir edit
	declare -A cold warm after
	for tool in vet snatlint; do
		dir="$work/integration-$tool"
		cp -r "$target" "$dir"
		edit=$(ls "$dir"/handlers/*.go | head -1)
		export GOCACHE="$work/gocache-integration-$tool"
		local cmd=(go vet ./...)
		[[ $tool == snatlint ]] && cmd=("$bin" -lang go ./...)
		cold[$tool]=$(measure "$dir" "${cmd[@]}")
		warm[$tool]=$(measure "$dir" "${cmd[@]}")
		echo "// bench edit" >>"$edit"
		after[$tool]=$(measure "$dir" "${cmd[@]}")
		unset GOCACHE
	done
	for tool in vet snatlint; do
		local label="go vet ./..."
		[[ $tool == snatlint ]] && label="snatlint ./..."
		printf '%-26s %-16s %16s %16s %16s %9s %9s %9s\n' integration "$label" \
			"$(cell "${cold[$tool]}")" "$(cell "${warm[$tool]}")" "$(cell "${after[$tool]}")" \
			"$(ratio "${cold[$tool]}" "${cold[vet]}")" "$(ratio "${warm[$tool]}" "${warm[vet]}")" "$(ratio "${after[$tool]}" "${after[vet]}")"
	done

	# A large public module, cold against go vet cold.
	[[ ${BENCH_LARGE:-1} == 0 ]] && return
	local large=${BENCH_LARGE_MODULE:-github.com/prometheus/prometheus@v0.316.0}
	local src
	src=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$large" | awk -F'"' '/"Dir":/ { print $4 }')
	if [[ -z $src || ! -d $src ]]; then
		echo "large module $large: not in the module cache and not downloadable; skipped"
		return
	fi
	dir="$work/large"
	cp -r "$src" "$dir"
	chmod -R u+w "$dir"
	rm -f "$dir/go.work" "$dir/go.work.sum" # workspace members are not in the module zip
	(cd "$dir" && GOFLAGS=-mod=mod go mod download)
	local roots
	roots=$(cd "$dir" && GOFLAGS=-mod=mod go list ./... 2>/dev/null | wc -l)
	local lv ls
	lv=$(GOCACHE="$work/gocache-large-vet" GOFLAGS=-mod=mod measure "$dir" go vet ./...)
	ls=$(GOCACHE="$work/gocache-large-snatlint" GOFLAGS=-mod=mod measure "$dir" "$bin" -lang go ./...)
	printf '%-26s %-16s %16s %16s %16s %9s\n' "${large##*/} ($roots roots)" "go vet ./..." "$(cell "$lv")" - - 1.00x
	printf '%-26s %-16s %16s %16s %16s %9s\n' "${large##*/} ($roots roots)" "snatlint ./..." "$(cell "$ls")" - - "$(ratio "$ls" "$lv")"
}

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
	printf '%-7s %6s %7s | %-18s | %-18s %-6s %-6s %5s | %-18s | %-18s\n' corpus files MB parse-only "whole pass" "/parse" "/pair" pairs "cold cache" "warm cache"
	for spec in $corpora; do
		name=${spec%%=*} dir=${spec#*=}
		if [[ ! -d $dir ]]; then
			echo "python: $name skipped: $dir is missing (apt-get install python3-$name)"
			continue
		fi
		files=$(find "$dir" -name '*.py' -type f | wc -l)
		mb=$(find "$dir" -name '*.py' -type f -print0 | du -cb --files0-from=- | tail -1 | awk '{ printf "%.1f", $1 / 1e6 }')
		local runs=() r=0 start=$SECONDS
		while ((r < ${BENCH_PY_RUNS:-3} || SECONDS - start < ${BENCH_PY_SECONDS:-30})); do
			runs+=("p $(measure "$root" "$pyrun" -parse-only -tests "$dir")")
			runs+=("w $(measure "$root" "$pyrun" -q -tests "$dir")")
			r=$((r + 1))
		done
		parse=$(median p "${runs[@]}")
		whole=$(median w "${runs[@]}")
		cold=$(measure "$root" "$pyrun" -q -tests -cache "$work/pycache-$name" "$dir")
		local warms=() i
		for ((i = 0; i < 3; i++)); do
			warms+=("w $(measure "$root" "$pyrun" -q -tests -cache "$work/pycache-$name" "$dir")")
		done
		warm=$(median w "${warms[@]}")
		printf '%-7s %6s %7s | %-18s | %-18s %-6s %-6s %5s | %-18s | %-18s\n' "$name" "$files" "$mb" \
			"$(pycell "$parse" "$mb")" "$(pycell "$whole" "$mb")" "$(awk -v p="${parse%% *}" -v w="${whole%% *}" 'BEGIN { printf "%.0f%%", 100 * p / w }')" \
			"$(pair_share "${runs[@]}")" "$r" "$(cell "$cold")" "$(cell "$warm")"
	done
	echo "python: '/parse' is the whole pass's throughput as a share of parse-only's (goal: >= 80%), from the median times; '/pair' the median of that share within each pair (a pair's two runs are seconds apart, so the machine's drift within the hour cancels); cpus $(nproc); load average now: $(loadavg)"
}

# mid FORMAT: the median of the numbers on standard input, one a line,
# printed with FORMAT; nothing when there are none.
mid() {
	sort -n | awk -v f="$1" '{ t[NR] = $1 } END { if (NR) printf f, (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) }'
}

# median KIND "KIND SECONDS RSS_MB"...: "SECONDS RSS_MB", the median
# time of the runs of that kind and their highest RSS.
median() {
	local kind=$1
	shift
	printf '%s %s' "$(printf '%s\n' "$@" | awk -v k="$kind" '$1 == k { print $2 }' | mid %.2f)" \
		"$(printf '%s\n' "$@" | awk -v k="$kind" '$1 == k && $3 > m { m = $3 } END { printf "%d", m }')"
}

# pair_share "p SECONDS RSS_MB" "w SECONDS RSS_MB"...: the median over
# the pairs (the i-th p run with the i-th w run) of p's time as a share
# of w's.
pair_share() {
	printf '%s\n' "$@" | awk '$1 == "p" { p[++np] = $2 } $1 == "w" { w[++nw] = $2 }
		END { for (i = 1; i <= np && i <= nw; i++) if (w[i] > 0) print 100 * p[i] / w[i] }' | mid %.0f%%
}

# pycell "SECONDS RSS_MB" MB: "12.3s 9.1MB/s 456MB"
pycell() { awk -v mb="$2" '{ printf "%ss %.1fMB/s %sMB", $1, ($1 > 0 ? mb / $1 : 0), $2 }' <<<"$1"; }

for s in "${sections[@]}"; do
	case $s in
	go) go_section ;;
	python) [[ ${BENCH_PYTHON:-1} != 0 ]] && python_section ;;
	*)
		echo "unknown section $s: use go or python" >&2
		exit 2
		;;
	esac
done
echo "load average at end: $(loadavg)"
