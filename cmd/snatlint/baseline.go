package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/snatlint/snatlint/cmd/snatlint/internal/report"
	"github.com/snatlint/snatlint/internal/userfile"
)

// maxBaselineSize bounds the baseline file read (about 300,000 entries).
const maxBaselineSize = 64 << 20

// applyBaseline handles -write-baseline (write the findings, then report
// them as a baseline run would: none new) and -baseline (drop, or with
// -baseline-unchanged mark, the findings in the baseline).
func applyBaseline(o *options, rep *report.Report, stderr io.Writer) error {
	file := o.baseline
	var b *report.Baseline
	switch {
	case o.writeBaseline != "":
		file = o.writeBaseline
		b = report.NewBaseline(rep)
		var buf bytes.Buffer
		if err := b.Write(&buf); err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("writing baseline %s: %v", file, err)}
		}
		if err := writeFileAtomic(file, buf.Bytes()); err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("writing baseline %s: %v", file, err)}
		}
		fmt.Fprintf(stderr, "snatlint: wrote %d findings to baseline %s; commit it and run with -baseline %s to report only new findings\n", len(b.Findings), file, file)
	case o.baseline != "":
		data, err := userfile.Read(file, maxBaselineSize)
		if errors.Is(err, fs.ErrNotExist) {
			return &exitError{code: 2, msg: fmt.Sprintf("baseline %s does not exist: create it with -write-baseline %s", file, file)}
		}
		if err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("reading baseline: %v", err)}
		}
		if b, err = report.ParseBaseline(data); err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("baseline %s: %v", file, err)}
		}
	default:
		return nil
	}
	sum := report.ApplyBaseline(rep, b, o.baselineUnchanged)
	sum.File = file
	rep.Baseline = &sum
	return nil
}

// writeFileAtomic replaces file with data: a temporary file in the same
// directory, synced, then renamed over it (a reader never sees half a
// file; a full disk leaves the old one).
func writeFileAtomic(file string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
