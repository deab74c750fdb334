package pylint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/internal/userfile"
)

// maxFileSize is the largest file parsed. tree-sitter parses a 10 MB file
// in well under a second, so the limit only guards against generated
// monsters; a larger file is not checked (a fatal error: exit status 2).
const maxFileSize = userfile.MaxSize

// worker is one goroutine's parser, reusable buffers, and string table
// (one per worker: no lock; a string shared by files of both workers is
// kept twice at most).
type worker struct {
	p       *sitter.Parser
	nodes   nodeBuf     // the node copy of the file being walked (C memory)
	scratch walkScratch // the walk's memory, reused
	src     []byte      // the file being checked; reused
	entry   []byte      // the cache entry being read; reused
	enc     []byte      // the summary being encoded; reused
	strs    *interner
	// keys are the settings phase 1 keeps (the zero value: the
	// built-in rows').
	keys catalog.SettingKeys
	// fresh counts the source bytes whose fresh summaries the run keeps
	// as they are (keepFreshUpTo), shared by the run's workers
	fresh *atomic.Int64
}

// settingKeys are wk's keys, or the built-in rows'.
func (wk *worker) settingKeys() catalog.SettingKeys {
	if wk.keys.Fields == nil {
		return builtinKeys()
	}
	return wk.keys
}

// maxKeptSrc is the largest read buffer a worker keeps between files
// (a larger one is garbage after its file: a few big files must not hold
// the heap the summaries need for the rest of the run).
const maxKeptSrc = 1 << 20

// bigFile is the source size from which files are parsed and walked one
// at a time (bigFiles): a 3 MB source's tree and node copy are about
// 130 MB of C memory, outside the Go memory limit.
const bigFile = 1 << 20

// bigFiles is held while a big file is checked.
var bigFiles sync.Mutex

// putOff holds the big files a worker put off because another big file
// was being checked: it goes on with small files instead of waiting (on
// the Azure SDK, 47 files of 1-3 MB, side by side in the same packages,
// left one core idle for seconds at a time).
type putOff struct {
	mu  sync.Mutex
	idx []int
}

func (q *putOff) push(i int) {
	q.mu.Lock()
	q.idx = append(q.idx, i)
	q.mu.Unlock()
}

func (q *putOff) pop() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.idx) == 0 {
		return 0, false
	}
	i := q.idx[0]
	q.idx = q.idx[1:]
	return i, true
}

// trimAfter is the source size from which the C memory of a closed tree
// is handed back at once (releaseCMemory); smaller trees are reused (a
// trim costs page faults on the next allocations: after every file over
// 256 KB it was 2% of a cold run).
const trimAfter = bigFile

// maxKeptBuf is the largest node buffer (in nodes, 48 bytes each) a
// worker keeps between files: enough for a 300 KB source; a larger one
// is freed after its file.
const maxKeptBuf = 64 << 10

// keepFreshUpTo is how many bytes of source a run keeps the fresh
// summaries of as walked, not encoded: phase 1 keeps a fresh summary
// encoded (keptSet) so that the collector does not mark a big tree's
// summaries again at every collection, but on a small tree there is
// little to mark, and encoding and decoding every summary were 3% of the
// CPU of a run on Django (5 MB) and its last 20 ms, with twice the
// collections. Phase 2 reads the same either way
// (TestSummaryCodecRoundTrip, TestFreshOrKept).
var keepFreshUpTo int64 = 32 << 20

// binarySniff is how many leading bytes are checked for NUL.
const binarySniff = 8 << 10

// parseAll runs phase 1 over files with a bounded worker pool: each file
// writes its own slot, and one bad file never stops the others. Past the
// first keepFreshUpTo bytes of source, a fresh summary is kept encoded
// (its cache entry) until no file is left to start, and only then
// decoded (keptSet); with a cache, unchanged files are read back instead
// of parsed.
// keys are the settings to keep (the setting rows of the built-in
// catalog and of the configuration; the zero value: the built-in ones).
func parseAll(ctx context.Context, files []string, cache *Cache, progress func(done, total int), keys catalog.SettingKeys) ([]*fileSum, [][]FileError) {
	ks := &keptSet{
		files: files, sums: make([]*fileSum, len(files)), kept: make([][]byte, len(files)),
		errs: make([][]FileError, len(files)), ready: make([]atomic.Bool, len(files)),
	}
	procs, release := holdSpareProc()
	defer release()
	n := min(procs, max(len(files), 1))
	// n workers take the next file until none is left: no goroutine or
	// hand-over per file (22,000 files in a warm run take 2 s); a worker
	// with no file left decodes the summaries kept so far while the
	// others finish theirs
	var next, done, fresh atomic.Int64
	var later putOff
	var wg sync.WaitGroup
	var lateStrs *interner // for what decode leaves: the first worker's
	for w := range n {
		p := sitter.NewParser()
		p.SetLanguage(python.GetLanguage())
		wk := &worker{p: p, strs: newInternerFor(len(files) / n), keys: keys, fresh: &fresh}
		if w == 0 {
			lateStrs = wk.strs
		}
		wg.Go(func() {
			defer ks.decode(wk.strs)
			defer wk.p.Close()
			defer wk.nodes.free()
			for {
				i, big := nextFile(&next, len(files), &later)
				if i < 0 {
					return
				}
				var wait bool
				ks.sums[i], ks.kept[i], ks.errs[i], wait = phase1File(ctx, wk, files[i], cache, big)
				if big {
					bigFiles.Unlock()
				}
				if wait {
					later.push(i)
					continue
				}
				ks.ready[i].Store(true)
				if progress != nil {
					progress(int(done.Add(1)), len(files))
				}
			}
		})
	}
	wg.Wait()
	ks.decodeLate(lateStrs)
	if cache != nil {
		cache.Trim()
	}
	return ks.sums, ks.errs
}

// keptSet is phase 1's results by file: a summary read from the cache or
// kept as it was walked (the first keepFreshUpTo bytes of source), or a
// fresh one still encoded (kept) until decode. Past that, phase 1 holds a
// fresh summary as its cache entry rather than as the decoded form phase
// 2 reads: a third of the size, and bytes the collector does not scan,
// where the decoded summaries (a few hundred MB of small objects on a big
// tree) were marked again at every collection while files were still
// being parsed. Phase 2 reads the same either way (the codec's round trip
// is exact), compact (slices exactly sized, the walk's garbage dropped;
// decoded strings are also shared across files).
type keptSet struct {
	files []string
	sums  []*fileSum
	kept  [][]byte
	errs  [][]FileError
	ready []atomic.Bool // the file's phase 1 is done
	next  atomic.Int64  // the next file to decode
	mu    sync.Mutex
	late  []int // files decode passed before their phase 1 was done
}

// decode decodes the kept summaries, taking the next file until none is
// left (any number of goroutines, each with its own interner); a file
// whose phase 1 is not done is left to decodeLate.
func (ks *keptSet) decode(in *interner) {
	for {
		i := int(ks.next.Add(1) - 1)
		if i >= len(ks.kept) {
			return
		}
		if !ks.ready[i].Load() {
			ks.mu.Lock()
			ks.late = append(ks.late, i)
			ks.mu.Unlock()
			continue
		}
		ks.decodeOne(i, in)
	}
}

// decodeLate decodes what decode left, once phase 1 is over.
func (ks *keptSet) decodeLate(in *interner) {
	for _, i := range ks.late {
		ks.decodeOne(i, in)
	}
	ks.late = nil
}

// decodeOne decodes file i's kept summary, if it has one, and drops the
// encoding.
func (ks *keptSet) decodeOne(i int, in *interner) {
	if ks.kept[i] == nil {
		return
	}
	fs, _, err := decodeEntry(ks.kept[i], ks.files[i], in)
	ks.kept[i] = nil
	if err != nil {
		// the codec could not read back what it wrote: cannot happen
		// (TestSummaryCodecRoundTrip)
		ks.errs[i] = append(ks.errs[i], FileError{File: ks.files[i], Fatal: true,
			Err: fmt.Errorf("internal error while checking: %v", err)})
		return
	}
	ks.sums[i] = fs
}

// nextFile is the index of the file a worker checks next, and whether
// it holds bigFiles for it: a put-off big file as soon as no other big
// file is being checked, else the next file not yet taken, else (none is
// left) a put-off one, waiting for the lock; -1 when all are done. A
// worker only returns once the put-off list is empty, and a file is put
// off only by a worker that has not returned, so none is lost.
func nextFile(next *atomic.Int64, n int, later *putOff) (int, bool) {
	if bigFiles.TryLock() {
		if i, ok := later.pop(); ok {
			return i, true
		}
		bigFiles.Unlock()
	}
	if i := int(next.Add(1) - 1); i < n {
		return i, false
	}
	i, ok := later.pop()
	if !ok {
		return -1, false
	}
	bigFiles.Lock()
	return i, true
}

// phase1File is one file's phase 1: read, then the cached result for its
// content, or parse and summarize (and cache the result). A cached
// summary is returned decoded, a fresh one as walked while the run's
// summaries kept that way cover at most keepFreshUpTo bytes of source,
// and encoded (its cache entry) after that. A big file is checked only
// while bigFiles is held: by the caller (holdsBig), or taken here when
// free; when it is not, the file is put off (wait) and nothing else is
// returned.
func phase1File(ctx context.Context, wk *worker, path string, cache *Cache, holdsBig bool) (fs *fileSum, kept []byte, errs []FileError, wait bool) {
	src, ferr := readSource(path, wk.src[:0])
	if ferr != nil {
		return nil, nil, []FileError{*ferr}, false
	}
	if cap(src) <= maxKeptSrc {
		wk.src = src[:0]
	}
	if len(src) >= bigFile && !holdsBig {
		if !bigFiles.TryLock() {
			return nil, nil, nil, true
		}
		defer bigFiles.Unlock()
	}
	var key cacheKey
	if cache != nil {
		key = cache.key(path, src)
		var ok bool
		fs, errs, wk.entry, ok = cache.get(key, path, wk.strs, wk.entry)
		if cap(wk.entry) > maxKeptSrc {
			wk.entry = nil
		}
		if ok {
			return fs, nil, errs, false
		}
	}
	parsing()
	fs, errs = parseFile(ctx, wk, path, src)
	if fs == nil {
		return nil, nil, errs, false
	}
	asIs := wk.fresh != nil && wk.fresh.Add(int64(len(src))) <= keepFreshUpTo
	if asIs && cache == nil {
		return fs, nil, errs, false
	}
	entry := encodeEntry(wk.enc[:0], fs, errs)
	if cap(entry) <= maxKeptSrc {
		wk.enc = entry[:0]
	}
	if cache != nil && ctx.Err() == nil {
		// a summary with warnings (a syntax error: only the well-formed
		// parts were checked) is as deterministic as one without
		cache.put(key, entry)
	}
	if asIs {
		return fs, nil, errs, false
	}
	return nil, bytes.Clone(entry), errs, false
}

// parseFile parses and summarizes one file. It never panics: an internal
// failure is reported as a fatal error for that file.
func parseFile(ctx context.Context, wk *worker, path string, src []byte) (fs *fileSum, errs []FileError) {
	defer func() {
		if r := recover(); r != nil {
			fs = nil
			errs = append(errs, FileError{File: path, Err: fmt.Errorf("internal error while checking: %v", r), Fatal: true})
		}
	}()
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:firstInvalidUTF8(src)], []byte{'\n'})
		errs = append(errs, FileError{File: path, Line: line,
			Err: fmt.Errorf("line %d: not valid UTF-8; checked anyway, names there may be misread", line)})
	}
	fs, perrs := summarizeSource(ctx, wk, path, src)
	return fs, append(errs, perrs...)
}

// summarizeSource parses src and extracts its summary, closing the tree.
// Phase 1 calls it for a big file only while holding bigFiles.
func summarizeSource(ctx context.Context, wk *worker, path string, src []byte) (*fileSum, []FileError) {
	tree, err := wk.p.ParseCtx(ctx, nil, src)
	if err != nil {
		return nil, []FileError{{File: path, Err: fmt.Errorf("parsing: %w", err), Fatal: true}}
	}
	if tree == nil {
		return nil, []FileError{{File: path, Err: errors.New("parsing failed"), Fatal: true}}
	}
	nodes := wk.nodes.flatten(tree, len(src))
	defer wk.nodes.shrink(maxKeptBuf)
	tree.Close() // C memory: the walk below uses the flat copy
	if len(src) >= trimAfter {
		releaseCMemory()
	}
	var errs []FileError
	if line, col, ok := firstError(nodes); ok {
		// Checked only in part: fatal (exit status 2), and the findings
		// in the well-formed parts are still reported.
		errs = append(errs, FileError{File: path, Line: line, Fatal: true,
			Err: fmt.Errorf("line %d, column %d: syntax error; only the well-formed parts were checked", line, col)})
	}
	fs := summarizeKeys(path, src, nodes, wk.settingKeys(), &wk.scratch)
	if fs.deepSkips > 0 {
		errs = append(errs, FileError{File: path, Fatal: true,
			Err: fmt.Errorf("nesting deeper than %d levels; the deepest parts were not checked", maxDepth)})
	}
	for _, e := range fs.dirErrs {
		errs = append(errs, FileError{File: path, Line: e.line, Err: fmt.Errorf("line %d: %s", e.line, e.msg)})
	}
	return fs, errs
}

// readSource reads a file into buf (grown as needed) through userfile
// (regular files only, at most maxFileSize bytes), refusing binaries.
// Every refusal is fatal: the file was not checked.
func readSource(path string, buf []byte) ([]byte, *FileError) {
	src, err := userfile.ReadBuf(path, maxFileSize, buf)
	if err != nil {
		return nil, &FileError{File: path, Err: fmt.Errorf("not checked: %w", unwrapPath(err)), Fatal: true}
	}
	if bytes.IndexByte(src[:min(len(src), binarySniff)], 0) >= 0 {
		return nil, &FileError{File: path, Err: errors.New("binary file (NUL byte in the first 8 KB), not Python source"), Fatal: true}
	}
	normalizeCR(src)
	return src, nil
}

// normalizeCR turns each lone CR (old Mac line endings, which Python
// accepts) into LF, in place: tree-sitter counts rows by LF only, and the
// byte offsets stay the same.
func normalizeCR(src []byte) {
	for i := bytes.IndexByte(src, '\r'); i >= 0 && i < len(src); {
		if i+1 == len(src) || src[i+1] != '\n' {
			src[i] = '\n'
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			return
		}
		i += 1 + j
	}
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
