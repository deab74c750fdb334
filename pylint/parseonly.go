package pylint

import (
	"context"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/snatlint/snatlint/internal/userfile"
)

// ParseOnly parses every file with tree-sitter on GOMAXPROCS workers and
// closes the trees, doing nothing else: the floor that benchmarks compare
// the whole pass against. Files that cannot be read are skipped.
func ParseOnly(ctx context.Context, files []string) {
	ch := make(chan string)
	var wg sync.WaitGroup
	procs, release := holdSpareProc() // as the whole pass runs
	defer release()
	for range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := sitter.NewParser()
			defer p.Close()
			p.SetLanguage(python.GetLanguage())
			for f := range ch {
				src, err := userfile.Read(f, maxFileSize)
				if err != nil {
					continue
				}
				if t, err := p.ParseCtx(ctx, nil, src); err == nil && t != nil {
					t.Close()
				}
			}
		}()
	}
	for _, f := range files {
		ch <- f
	}
	close(ch)
	wg.Wait()
}
