#!/usr/bin/env bash
# bench/golangci-plugin.sh: build a golangci-lint v2.15.0 binary with the
# snatlint module plugin (analyzers/golangci) from the Go module proxy, with
# no git clone, and run it on the demo project (examples/goservice).
#
# It writes the main package that `golangci-lint custom` would generate: the
# golangci-lint command plus a blank import of the plugin, with a replace
# directive pointing at this checkout.
#
#   bash bench/golangci-plugin.sh [workdir]
#
# Expect exit status 0 and the demo's Go findings on stdout. Times are
# printed to stderr.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work/gcl"
export GOFLAGS=-mod=mod
# COLD=1 builds with an empty build cache, to measure a first build.
if [[ "${COLD:-}" == 1 ]]; then
	export GOCACHE="$work/gocache"
fi

cat >"$work/gcl/go.mod" <<MOD
module snatlint.local/custom-gcl

go 1.26.0

require (
	github.com/golangci/golangci-lint/v2 v2.15.0
	github.com/snatlint/snatlint v0.0.0
)

replace github.com/snatlint/snatlint => $root
MOD

cat >"$work/gcl/main.go" <<'GO'
// Command custom-gcl is golangci-lint v2.15.0 with the snatlint plugin, as
// `golangci-lint custom` would build it.
package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/snatlint/snatlint/analyzers/golangci"
)

func main() {
	info := commands.BuildInfo{Version: "2.15.0-snatlint", Commit: "?", Date: "(unknown)", GoVersion: "go"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
GO

cat >"$work/golangci.yml" <<'YML'
version: "2"
run:
  relative-path-mode: wd
linters:
  default: none
  enable:
    - snatlint
  settings:
    custom:
      snatlint:
        type: module
        description: HTTP and Azure clients built per request (SNAT exhaustion)
        settings:
          tests: false
YML

t0=$(date +%s)
(cd "$work/gcl" && go mod tidy && go build -o "$work/custom-gcl" .)
t1=$(date +%s)
echo "build: $((t1 - t0))s" >&2

cd "$root"
export GOFLAGS=-mod=readonly # never rewrite this checkout's go.mod
status=0
"$work/custom-gcl" run --config "$work/golangci.yml" ./examples/... || status=$?
t2=$(date +%s)
echo "run on examples: $((t2 - t1))s (exit status $status; 1 means findings)" >&2
"$work/custom-gcl" linters --config "$work/golangci.yml" | grep -i snatlint >&2 || true
case $status in
0 | 1) exit 0 ;;
*) exit "$status" ;;
esac
