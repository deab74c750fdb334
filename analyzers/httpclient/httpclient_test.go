package httpclient_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/httpclient"
	"github.com/snatlint/snatlint/analyzers/internal/fixtures"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{httpclient.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

func TestHTTPClient(t *testing.T) {
	t.Parallel()
	fixtures.BoundedMessages(t, analysistest.Run(t, fixtures.Dir(t), httpclient.Analyzer, "httpx/handlers", "httpx/silent", "httpx/routers", "httpx/directives"))
}

// TestPrecision: loops that are not hot, retention that follows the
// pool, early-return cache guards, closures the function calls, and
// conditional constructions inside dependencies (issue 9), each with its
// reported twin.
func TestPrecision(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixtures.Dir(t), httpclient.Analyzer, "httpx/loops", "httpx/retention", "httpx/guards", "httpx/closures", "httpx/deps")
}

// TestDependencySite: the related location of a chain into a dependency
// names the construction there as module@version/path:line (in GOPATH
// mode, without a version), never a machine path.
func TestDependencySite(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(t, fixtures.Dir(t), httpclient.Analyzer, "httpx/deps")
	want := map[string]string{
		"settings.NewFetcher": "settings.NewFetcher builds http.Transport on every call at example.com/settings/settings.go:59",
		"settings.NewDefault": "settings.NewDefault builds http.Transport on every call at example.com/settings/settings.go:66",
	}
	seen := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for name, msg := range want {
				if !strings.Contains(d.Message, name) {
					continue
				}
				seen++
				if len(d.Related) != 1 || d.Related[0].Message != msg {
					t.Errorf("related of %q = %+v, want one with message %q", d.Message, d.Related, msg)
				}
			}
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of the %d calls into the dependency", seen, len(want))
	}
}

// TestKeepAlive: SNAT008 keep-alive settings (anywhere on a transport,
// per request on a request), their silent twins (response headers,
// look-alike types, false and variable values, a request built in
// main), a suppression, and the same-line overlap with SNAT001.
func TestKeepAlive(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixtures.Dir(t), httpclient.Analyzer, "httpx/keepalive")
}

func TestConfig(t *testing.T) {
	t.Parallel()
	cfg := &config.File{
		Path:    filepath.Join(fixtures.Dir(t), ".snatlint.yaml"), // globs are relative to its directory
		Exclude: []string{"src/httpx/configured/excluded.go"},
		Tests:   true,
		Rules:   map[string]config.RuleSetting{catalog.SNAT001: {Disabled: true}},
		Go: config.Go{
			HandlerTypes: []string{"*httpx/configured.Ctx"},
			Constructors: []config.Constructor{
				{Name: "httpx/custom.NewHTTPClient", Rule: catalog.SNAT002},
				{Name: "httpx/custom.Factory.Pool", Rule: catalog.SNAT002},
				{Name: "httpx/custom.Pool", Rule: catalog.SNAT002},
			},
		},
		Rows: []*catalog.Row{
			{Lang: catalog.Go, Package: "httpx/custom", Name: "NewPooledClient", Rule: catalog.SNAT002, Variant: catalog.OwnPool},
		},
	}
	as := analyzers.New(cfg)
	fixtures.BoundedMessages(t, analysistest.Run(t, fixtures.Dir(t), as[0], "httpx/configured", "httpx/rulecfg"))
}

func TestHoistFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(t), httpclient.Analyzer, "httpx/fix")
}

// TestHoistFixSafety: the hoisting fix compiles (a literal referring to
// a local name is not hoisted), its name collides with nothing in any
// file of the package (test files, files of other build tags), and a
// generated file is never edited (issue 8 items 5, 6, 7).
func TestHoistFixSafety(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(t), httpclient.Analyzer, "httpx/fixsafe")
}

// TestContextFamilies: for each context family beyond HTTP (gRPC methods
// and interceptors, Lambda, controller-runtime, Prometheus, NATS, sarama,
// Azure messaging loops), a positive (direct and interprocedural) and a
// silent twin built once; the libraries are faithful stubs of their
// interfaces (testdata/src/google.golang.org/grpc, ...).
func TestContextFamilies(t *testing.T) {
	t.Parallel()
	fixtures.BoundedMessages(t, analysistest.Run(t, fixtures.Dir(t), httpclient.Analyzer,
		"ctxs/grpc", "ctxs/lambda", "ctxs/reconcile", "ctxs/prom", "ctxs/nats", "ctxs/sarama", "ctxs/azmsg"))
}
