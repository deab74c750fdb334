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
