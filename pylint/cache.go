package pylint

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/internal/userfile"
)

// summaryFormat is bumped when what phase 1 puts into a summary changes
// meaning without the summary types changing shape (the shape and the
// binary are part of every key anyway; this is for the rare change that
// neither shows, such as a release built from a tag with the same
// executable size).
const summaryFormat = 9 // 9: the hand-written codec (strings by index, blocks); 8: a row option keyword (pipeline=) shares a pool only for its row (call.sharedKw); 7: the first parameter's annotation when it is named like a request (reqAnn); 6: a pool keyword given a local records its callee (call.sharedVia); 5: functions carry keep-alive settings (settings.go), kept for the setting rows' fields and headers; 4: registration arguments name methods of instances (Class().method); 3: calls carry guard retention, returned values and per-context sharing; loops classified by policy.LoopShape

// entryMagic starts every cache entry.
const entryMagic = "snatpys1"

// DefaultCacheMax is the size the cache is trimmed to when it grows
// beyond it.
const DefaultCacheMax = 1 << 30

// Cache keeps the phase-1 result of each Python file (its summary and its
// warnings), keyed by the file's content and absolute path, the snatlint
// binary, the summary format and shape, the tree-sitter grammar and the
// configuration. An unchanged file is then read back instead of parsed;
// the cross-file phase always runs. Entries are single files written
// atomically (a temporary file renamed into place), so concurrent runs
// share a cache safely; an entry that is truncated, corrupt, or written
// for another key is a miss. The cache is trimmed to its size bound,
// least recently used entries first.
type Cache struct {
	dir      string
	salt     [32]byte
	maxBytes int64

	hits, misses, written atomic.Int64
	bytesWritten          atomic.Int64
	shards                sync.Map // shard directories known to exist
}

// CacheStats counts what a run did with the cache.
type CacheStats struct {
	Hits, Misses, Written int64
}

// OpenCache returns a cache in dir (created on first write) for runs
// with configuration cfg (nil: defaults). maxBytes <= 0 means
// DefaultCacheMax.
func OpenCache(dir string, maxBytes int64, cfg *config.File) (*Cache, error) {
	if dir == "" {
		return nil, errors.New("no cache directory")
	}
	exe, err := executableID()
	if err != nil {
		return nil, fmt.Errorf("identifying the snatlint binary: %w", err)
	}
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "snatlint python summaries\nformat %d\nshape %s\nexe %s\ngrammar %s %q\nconfig %s\n",
		summaryFormat, summaryShape(), exe, grammarVersion(), symNames, cfgJSON)
	c := &Cache{dir: dir, maxBytes: maxBytes}
	if maxBytes <= 0 {
		c.maxBytes = DefaultCacheMax
	}
	h.Sum(c.salt[:0])
	return c, nil
}

// Dir is the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// Stats returns the counts so far.
func (c *Cache) Stats() CacheStats {
	return CacheStats{Hits: c.hits.Load(), Misses: c.misses.Load(), Written: c.written.Load()}
}

// executableID identifies the running binary by the hash of its content
// (a rebuilt snatlint may summarise differently).
func executableID() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// grammarVersion is the version of the tree-sitter module linked in.
func grammarVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/smacker/go-tree-sitter" {
				if d.Replace != nil {
					return d.Replace.Path + "@" + d.Replace.Version
				}
				return d.Version
			}
		}
	}
	return "unknown"
}

type cacheKey [32]byte

// key is the entry key of the file at path with content src.
func (c *Cache) key(path string, src []byte) cacheKey {
	h := sha256.New()
	h.Write(c.salt[:])
	abs := absClean(path)
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(abs)))
	h.Write(n[:])
	h.Write([]byte(abs))
	h.Write(src)
	var k cacheKey
	h.Sum(k[:0])
	return k
}

func (c *Cache) entryPath(k cacheKey) string {
	name := hex.EncodeToString(k[:])
	return filepath.Join(c.dir, name[:2], name)
}

// maxEntrySize bounds what is read of an entry (a summary is a fraction
// of its source, itself at most maxFileSize).
const maxEntrySize = 2 * maxFileSize

// mtimeInterval is how stale an entry's modification time (its "last
// used" mark for trimming) may get before a hit refreshes it.
const mtimeInterval = time.Hour

// get returns the cached result for k, or ok false; buf is a reusable
// read buffer, returned grown.
func (c *Cache) get(k cacheKey, path string, strs *interner, buf []byte) (*fileSum, []FileError, []byte, bool) {
	p := c.entryPath(k)
	data, mtime, err := userfile.ReadOwn(p, maxEntrySize, buf)
	if err != nil {
		c.misses.Add(1)
		return nil, nil, buf, false
	}
	buf = data
	payload, ok := openEntry(data, k)
	if !ok {
		c.misses.Add(1)
		return nil, nil, buf, false
	}
	fs, errs, err := decodeEntry(payload, path, strs)
	if err != nil {
		c.misses.Add(1)
		return nil, nil, buf, false
	}
	c.hits.Add(1)
	if time.Since(mtime) > mtimeInterval {
		now := time.Now()
		_ = os.Chtimes(p, now, now)
	}
	return fs, errs, buf, true
}

// put stores payload under k, best effort: a failure to write only
// costs a later miss.
func (c *Cache) put(k cacheKey, payload []byte) {
	p := c.entryPath(k)
	dir := filepath.Dir(p)
	if _, ok := c.shards.Load(dir); !ok {
		if os.MkdirAll(dir, 0o755) != nil {
			return
		}
		c.shards.Store(dir, true)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	data := sealEntry(payload, k)
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), p) != nil {
		os.Remove(tmp.Name())
		return
	}
	c.written.Add(1)
	c.bytesWritten.Add(int64(len(data)))
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// sealEntry frames payload: magic, key, length, payload, CRC-32C of all
// that.
func sealEntry(payload []byte, k cacheKey) []byte {
	out := make([]byte, 0, len(entryMagic)+len(k)+binary.MaxVarintLen64+len(payload)+4)
	out = append(out, entryMagic...)
	out = append(out, k[:]...)
	out = binary.AppendUvarint(out, uint64(len(payload)))
	out = append(out, payload...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, crcTable))
}

// openEntry checks an entry's frame and returns its payload; a foreign,
// truncated or corrupt entry is not ok.
func openEntry(data []byte, k cacheKey) ([]byte, bool) {
	if len(data) < len(entryMagic)+len(k)+1+4 {
		return nil, false
	}
	body, sum := data[:len(data)-4], data[len(data)-4:]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(sum) {
		return nil, false
	}
	if string(body[:len(entryMagic)]) != entryMagic || !bytes.Equal(body[len(entryMagic):len(entryMagic)+len(k)], k[:]) {
		return nil, false
	}
	rest := body[len(entryMagic)+len(k):]
	n, w := binary.Uvarint(rest)
	if w <= 0 || n != uint64(len(rest)-w) {
		return nil, false
	}
	return rest[w:], true
}

// encodeEntry encodes a file's phase-1 result: its non-fatal errors,
// then its summary (without the path, which the key holds).
func encodeEntry(buf []byte, fs *fileSum, errs []FileError) []byte {
	e := &encoder{buf: buf}
	e.uvarint(uint64(len(errs)))
	for _, fe := range errs {
		e.varint(int64(fe.Line))
		e.bool(fe.Fatal)
		e.string(fe.Err.Error())
	}
	return encodeSummary(e.buf, fs)
}

// decodeEntry is the inverse of encodeEntry for the file at path.
func decodeEntry(data []byte, path string, strs *interner) (*fileSum, []FileError, error) {
	d := &decoder{buf: data}
	n := d.uvarint()
	if n > uint64(len(d.buf)) {
		return nil, nil, errCorrupt
	}
	var errs []FileError
	for range n {
		line := d.varint()
		fatal := d.bool()
		msg := d.string()
		if d.err != nil {
			return nil, nil, d.err
		}
		errs = append(errs, FileError{File: path, Line: int(line), Fatal: fatal, Err: errors.New(msg)})
	}
	if d.err != nil {
		return nil, nil, d.err
	}
	fs, err := decodeSummary(d.buf, strs)
	if err != nil {
		return nil, nil, err
	}
	fs.path = path
	return fs, errs, nil
}

// trimInterval is how often a run looks at the cache's total size, unless
// it wrote much.
const trimInterval = time.Hour

// Trim removes least recently used entries while the cache is larger
// than its bound (down to three quarters of it, so that trimming is
// rare), and temporary files left by interrupted runs. It looks at the
// directory at most once per trimInterval unless this run wrote more
// than an eighth of the bound.
func (c *Cache) Trim() {
	stamp := filepath.Join(c.dir, "trim.txt")
	if data, err := os.ReadFile(stamp); err == nil && c.bytesWritten.Load() < c.maxBytes/8 {
		if t, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err == nil && time.Since(time.Unix(t, 0)) < trimInterval {
			return
		}
	}
	type entry struct {
		path  string
		size  int64
		mtime time.Time
	}
	var entries []entry
	var total int64
	_ = filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".tmp-") {
			if time.Since(info.ModTime()) > trimInterval {
				os.Remove(p)
			}
			return nil
		}
		if len(d.Name()) != 64 {
			return nil // not an entry
		}
		entries = append(entries, entry{p, info.Size(), info.ModTime()})
		total += info.Size()
		return nil
	})
	if total > c.maxBytes {
		slices.SortFunc(entries, func(a, b entry) int { return a.mtime.Compare(b.mtime) })
		for _, e := range entries {
			if total <= c.maxBytes/4*3 {
				break
			}
			if os.Remove(e.path) == nil {
				total -= e.size
			}
		}
	}
	if os.MkdirAll(c.dir, 0o755) == nil {
		tmp, err := os.CreateTemp(c.dir, ".tmp-*")
		if err == nil {
			fmt.Fprintf(tmp, "%d\n", time.Now().Unix())
			if tmp.Close() == nil && os.Rename(tmp.Name(), stamp) == nil {
				return
			}
			os.Remove(tmp.Name())
		}
	}
}
