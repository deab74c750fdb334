package report

import (
	"strconv"
	"unicode/utf16"
)

// lineHashes computes GitHub's primaryLocationLineHash for every line of
// src, exactly as the CodeQL Action's uploader does (src/fingerprints.ts
// in github/codeql-action): a rolling hash (base 37, 64-bit wrapping) over
// the first 100 UTF-16 code units of each line, skipping spaces and tabs,
// with \r, \n and \r\n normalized to \n, an end-of-file marker 65535 and
// zero padding; equal hashes are disambiguated with ":count". The result
// is indexed by 1-based line number (element 0 is unused).
//
// The uploader never overwrites a fingerprint that is already present, so
// computing it here must agree with it exactly; TestLineHashes checks the
// upstream test vectors.
func lineHashes(src []byte) []string {
	const (
		blockSize = 100
		mod       = 37
		eof       = 65535
	)
	var firstMod uint64 = 1
	for range blockSize {
		firstMod *= mod
	}
	var (
		window      [blockSize]uint64
		lineNumbers [blockSize]int
		hash        uint64
		index       int
		lineNumber  int
		lineStart   = true
		prevCR      bool
		counts      = map[string]int{}
		out         = []string{""}
	)
	for i := range lineNumbers {
		lineNumbers[i] = -1
	}
	output := func() {
		v := strconv.FormatUint(hash, 16)
		counts[v]++
		n := lineNumbers[index]
		for len(out) <= n {
			out = append(out, "")
		}
		out[n] = v + ":" + strconv.Itoa(counts[v])
		lineNumbers[index] = -1
	}
	update := func(c uint64) {
		begin := window[index]
		window[index] = c
		hash = mod*hash + c - firstMod*begin
		index = (index + 1) % blockSize
	}
	process := func(c uint64) {
		if c == ' ' || c == '\t' || (prevCR && c == '\n') {
			prevCR = false
			return
		}
		if c == '\r' {
			c = '\n'
			prevCR = true
		} else {
			prevCR = false
		}
		if lineNumbers[index] != -1 {
			output()
		}
		if lineStart {
			lineStart = false
			lineNumber++
			lineNumbers[index] = lineNumber
		}
		if c == '\n' {
			lineStart = true
		}
		update(c)
	}
	for _, u := range utf16.Encode([]rune(string(src))) {
		process(uint64(u))
	}
	process(eof)
	for range blockSize {
		if lineNumbers[index] != -1 {
			output()
		}
		update(0)
	}
	return out
}
