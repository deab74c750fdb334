// Command snatlint finds HTTP clients, transports, Azure SDK clients and
// credentials built per request (SNAT port exhaustion on Azure App
// Service), in Go and Python code.
//
// Usage:
//
//	snatlint [flags] [patterns...]                 # standalone, default ./...
//	go vet -vettool=$(command -v snatlint) ./...   # vet-tool mode (Go only)
//
// Exit status: 0 no findings, 1 findings, 2 something could not be
// checked (usage, load, parse or read failure), also when there are
// findings.
//go:generate go run ./internal/gendocs -dir ../../docs/rules

package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/snatlint/snatlint/analyzers"
	"golang.org/x/tools/go/analysis/unitchecker"
)

func main() {
	if isVetTool(os.Args[1:]) {
		// go vet owns the flags, the output and the exit code.
		unitchecker.Main(analyzers.All()...)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	go func() {
		// After the first Ctrl-C the run winds down (within a second);
		// a second one kills it at once.
		<-ctx.Done()
		stop()
	}()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err))
}

// isVetTool reports whether go vet invoked us: the -V=full and -flags
// handshakes, or a unit configuration file as the last argument (a
// regular file named *.cfg; go vet puts its flags, some with separate
// values such as "-tags foo", before it). A directory named x.cfg is a
// package pattern: standalone mode.
func isVetTool(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") {
		return false
	}
	st, err := os.Stat(last)
	return err == nil && st.Mode().IsRegular()
}

// exitCoder is an error that carries an exit status.
type exitCoder interface{ ExitCode() int }

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ec exitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(os.Stderr, "snatlint: "+msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(os.Stderr, "snatlint: "+err.Error())
	return 2
}
