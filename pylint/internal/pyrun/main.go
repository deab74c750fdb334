package main

import (
	"context"
	"fmt"
	"os"

	"github.com/snatlint/snatlint/pylint"
)

func main() {
	files, errs := pylint.Discover(context.Background(), os.Args[1:], pylint.Options{})
	fs, errs2 := pylint.Check(context.Background(), files, pylint.Options{})
	for _, f := range fs {
		fmt.Printf("%s:%d:%d: %s %s\n", f.File, f.Line, f.Column, f.RuleID, f.Message)
		for _, r := range f.Related {
			fmt.Printf("    related %s:%d:%d %s\n", r.File, r.Line, r.Column, r.Message)
		}
	}
	for _, e := range append(errs, errs2...) {
		fmt.Println("ERR", e.Error(), e.Fatal)
	}
	fmt.Println(len(files), "files", len(fs), "findings")
}
