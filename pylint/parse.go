package pylint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/snatlint/snatlint/internal/userfile"
	"golang.org/x/sync/errgroup"
)

// maxFileSize is the largest file parsed. tree-sitter parses a 10 MB file
// in well under a second, so the limit only guards against generated
// monsters; a larger file is not checked (a fatal error: exit status 2).
const maxFileSize = userfile.MaxSize

// worker is one goroutine's parser and reusable flat-node buffer.
type worker struct {
	p   *sitter.Parser
	buf []fnode
}

// maxKeptBuf is the largest node buffer a worker keeps between files.
const maxKeptBuf = 1 << 20

// binarySniff is how many leading bytes are checked for NUL.
const binarySniff = 8 << 10

// parseAll runs phase 1 over files with a bounded worker pool: each file
// writes its own slot and returns nil, so one bad file never cancels the
// others.
func parseAll(ctx context.Context, files []string) ([]*fileSum, [][]FileError) {
	sums := make([]*fileSum, len(files))
	errs := make([][]FileError, len(files))
	n := runtime.GOMAXPROCS(0)
	parsers := make(chan *worker, n)
	for range n {
		p := sitter.NewParser()
		p.SetLanguage(python.GetLanguage())
		parsers <- &worker{p: p}
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(n)
	for i, path := range files {
		g.Go(func() error {
			p := <-parsers
			defer func() { parsers <- p }()
			sums[i], errs[i] = parseFile(gctx, p, path)
			return nil
		})
	}
	_ = g.Wait() // workers never return errors
	close(parsers)
	for wk := range parsers {
		wk.p.Close()
	}
	return sums, errs
}

// parseFile reads, parses and summarizes one file. It never panics: an
// internal failure is reported as a fatal error for that file.
func parseFile(ctx context.Context, wk *worker, path string) (fs *fileSum, errs []FileError) {
	defer func() {
		if r := recover(); r != nil {
			fs = nil
			errs = append(errs, FileError{File: path, Err: fmt.Errorf("internal error while checking: %v", r), Fatal: true})
		}
	}()
	src, ferr := readSource(path)
	if ferr != nil {
		return nil, []FileError{*ferr}
	}
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:firstInvalidUTF8(src)], []byte{'\n'})
		errs = append(errs, FileError{File: path, Line: line,
			Err: fmt.Errorf("line %d: not valid UTF-8; checked anyway, names there may be misread", line)})
	}
	fs, perrs := summarizeSource(ctx, wk, path, src)
	return fs, append(errs, perrs...)
}

// summarizeSource parses src and extracts its summary, closing the tree.
func summarizeSource(ctx context.Context, wk *worker, path string, src []byte) (*fileSum, []FileError) {
	tree, err := wk.p.ParseCtx(ctx, nil, src)
	if err != nil {
		return nil, []FileError{{File: path, Err: fmt.Errorf("parsing: %w", err), Fatal: true}}
	}
	if tree == nil {
		return nil, []FileError{{File: path, Err: errors.New("parsing failed"), Fatal: true}}
	}
	nodes := flatten(tree, len(src), wk.buf)
	if cap(nodes) <= maxKeptBuf {
		wk.buf = nodes[:0]
	}
	tree.Close() // C memory: the walk below uses the flat copy
	var errs []FileError
	if line, col, ok := firstError(nodes); ok {
		// Checked only in part: fatal (exit status 2), and the findings
		// in the well-formed parts are still reported.
		errs = append(errs, FileError{File: path, Line: line, Fatal: true,
			Err: fmt.Errorf("line %d, column %d: syntax error; only the well-formed parts were checked", line, col)})
	}
	fs := summarize(path, src, nodes)
	if fs.deepSkips > 0 {
		errs = append(errs, FileError{File: path, Fatal: true,
			Err: fmt.Errorf("nesting deeper than %d levels; the deepest parts were not checked", maxDepth)})
	}
	for _, e := range fs.dirErrs {
		errs = append(errs, FileError{File: path, Line: e.line, Err: fmt.Errorf("line %d: %s", e.line, e.msg)})
	}
	return fs, errs
}

// readSource reads a file through userfile (regular files only, at most
// maxFileSize bytes), refusing binaries. Every refusal is fatal: the
// file was not checked.
func readSource(path string) ([]byte, *FileError) {
	src, err := userfile.Read(path, maxFileSize)
	if err != nil {
		return nil, &FileError{File: path, Err: fmt.Errorf("not checked: %w", unwrapPath(err)), Fatal: true}
	}
	if bytes.IndexByte(src[:min(len(src), binarySniff)], 0) >= 0 {
		return nil, &FileError{File: path, Err: errors.New("binary file (NUL byte in the first 8 KB), not Python source"), Fatal: true}
	}
	return src, nil
}

// unwrapPath drops the path from an *fs.PathError: the problem already
// names the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// firstError finds the first ERROR or MISSING node in document order.
func firstError(nodes []fnode) (line, col int, ok bool) {
	for i := range nodes {
		if nodes[i].sym == symError || nodes[i].flags&1 != 0 {
			line, col = lineCol(nodes[i].sr, nodes[i].sc)
			return line, col, true
		}
	}
	return 0, 0, false
}
