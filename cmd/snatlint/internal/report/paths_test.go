package report

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestDependencyPaths: related locations in the module cache print as
// module@version/path (case-decoded), in GOROOT as $GOROOT/..., never as
// the machine's path, in text, JSON and SARIF (issue 8 item 15).
func TestDependencyPaths(t *testing.T) {
	const modCache = "/home/ci/go/pkg/mod"
	const goRoot = "/usr/lib/go-1.26"
	dep := modCache + "/github.com/!azure/azure-sdk-for-go/sdk/azcore@v1.11.0/runtime/pipeline.go"
	std := goRoot + "/src/net/http/transport.go"
	pos := func(file string, line int) Position { return Position{File: file, Line: line, Column: 3, Offset: -1} }
	r := &Report{
		Cwd: "/work/m", Root: "/work/m", ModCache: modCache, GoRoot: goRoot,
		ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist },
		Findings: []Finding{{
			RuleID: "SNAT003", Level: "warning", Lang: "go", Message: "azblob.NewClient built here",
			Pos: pos("/work/m/main.go", 5), End: pos("/work/m/main.go", 5),
			Related: []Related{
				{Pos: pos(dep, 10), End: pos(dep, 10), Message: "runtime.NewPipeline"},
				{Pos: pos(std, 20), End: pos(std, 20)},
			},
		}},
	}
	var text, js bytes.Buffer
	if err := WriteText(&text, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	data, log := sarifOf(t, r)
	for name, out := range map[string]string{"text": text.String(), "JSON": js.String(), "SARIF": string(data)} {
		if strings.Contains(out, "/home/ci") || strings.Contains(out, "/usr/lib") {
			t.Errorf("%s output names a machine path:\n%s", name, out)
		}
		if name != "SARIF" && (!strings.Contains(out, "github.com/Azure/azure-sdk-for-go/sdk/azcore@v1.11.0/runtime/pipeline.go") || !strings.Contains(out, "$GOROOT/src/net/http/transport.go")) {
			t.Errorf("%s output does not name the dependency as module@version/path:\n%s", name, out)
		}
	}
	rel := log.Runs[0].Results[0].RelatedLocations
	if got := rel[0].PhysicalLocation.ArtifactLocation; got.URIBaseID != "GOMODCACHE" || got.URI != "github.com/Azure/azure-sdk-for-go/sdk/azcore@v1.11.0/runtime/pipeline.go" {
		t.Errorf("SARIF dependency location = %+v", got)
	}
	if got := rel[1].PhysicalLocation.ArtifactLocation; got.URIBaseID != "GOROOT" || got.URI != "src/net/http/transport.go" {
		t.Errorf("SARIF GOROOT location = %+v", got)
	}
}
