package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// vetExit carries go vet's exit status; go vet has already printed why.
type vetExit struct{ code int }

func (e *vetExit) Error() string { return "" }
func (e *vetExit) ExitCode() int { return e.code }

// runVet implements "snatlint vet [go vet flags] [packages]": it runs
// go vet with this executable as the vet tool, for callers without a shell
// to expand $(command -v snatlint), such as a pre-commit hook's entry.
// args default to ./...; go vet's output and exit status are passed on.
func runVet(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("finding the snatlint executable for go vet: %w", err)
	}
	if !hasPackageArg(args) {
		args = append(args, "./...")
	}
	cmd := exec.CommandContext(ctx, "go", append([]string{"vet", "-vettool=" + self}, args...)...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() > 0 {
		return &vetExit{code: ee.ExitCode()}
	}
	if err != nil {
		return fmt.Errorf("running go vet: %w", err)
	}
	return nil
}

// hasPackageArg reports whether args name packages, not only flags. The
// values of go vet's flags that take one ("-tags foo") are not packages.
func hasPackageArg(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "" || a[0] != '-' {
			return true
		}
		if a == "--" {
			return i+1 < len(args)
		}
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && vetValueFlags[name] {
			i++ // its value
		}
	}
	return false
}

// vetValueFlags are the go vet (build) flags that take a value as the
// next argument.
var vetValueFlags = map[string]bool{
	"C": true, "tags": true, "mod": true, "modfile": true, "overlay": true, "toolexec": true,
	"gcflags": true, "ldflags": true, "asmflags": true, "gccgoflags": true, "p": true, "pgo": true,
	"pkgdir": true, "installsuffix": true, "buildmode": true, "compiler": true, "exec": true,
	"vettool": true, "o": true, "c": true,
}
