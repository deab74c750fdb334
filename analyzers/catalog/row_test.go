package catalog_test

import (
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"go.yaml.in/yaml/v3"
)

func decode(t *testing.T, src string) ([]*catalog.Row, error) {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatal(err)
	}
	return catalog.DecodeRows(n.Content[0], "x.yaml")
}

func TestDecodeRows(t *testing.T) {
	rows, err := decode(t, `
- {lang: go, package: example.com/redisx, name: NewRedis, rule: SNAT002, variant: own-pool}
- lang: python
  module: [mycorp.aws, mycorp.aws.v2]
  name: [make_s3, make_sqs]
  rule: SNAT005
- {lang: go, package: example.com/x, receiver: Factory, name: New*, silent: per user by design}
`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, string(r.Lang)+" "+r.String()+" "+r.Rule+r.Silent)
	}
	want := []string{
		"go example.com/redisx.NewRedis SNAT002",
		"python mycorp.aws.make_s3 SNAT005",
		"python mycorp.aws.make_sqs SNAT005",
		"python mycorp.aws.v2.make_s3 SNAT005",
		"python mycorp.aws.v2.make_sqs SNAT005",
		"go example.com/x.Factory.New* per user by design",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rows[0].Variant != catalog.OwnPool || rows[0].Line != 2 {
		t.Errorf("row 0 = %+v, want variant own-pool on line 2", rows[0])
	}
}

func TestDecodeRowErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"not a list", "lang: go", "expected a list of rows"},
		{"unknown key", "- {lang: go, package: a/b, name: N, rule: SNAT001, color: red}", `unknown key "color"`},
		{"no lang", "- {package: a/b, name: N, rule: SNAT001}", "needs lang"},
		{"bad lang", "- {lang: rust, package: a/b, name: N, rule: SNAT001}", `bad language "rust"`},
		{"go with module", "- {lang: go, module: a.b, name: N, rule: SNAT001}", "needs package"},
		{"python with package", "- {lang: python, package: a/b, name: N, rule: SNAT001}", "needs module"},
		{"both", "- {lang: go, package: a/b, module: a.b, name: N, rule: SNAT001}", "one of package"},
		{"no name", "- {lang: go, package: a/b, rule: SNAT001}", "needs a name"},
		{"no rule", "- {lang: go, package: a/b, name: N}", "needs a rule"},
		{"rule and silent", "- {lang: go, package: a/b, name: N, rule: SNAT001, silent: x}", "not both"},
		{"unknown rule", "- {lang: go, package: a/b, name: N, rule: SNAT999}", `unknown rule "SNAT999"`},
		{"rule without the language", "- {lang: go, package: a/b, name: N, rule: SNAT005}", "has no go constructions"},
		{"bad variant", "- {lang: go, package: a/b, name: N, rule: SNAT001, variant: huge}", `bad variant "huge"`},
		{"fresh-transport in a row", "- {lang: go, package: a/b, name: N, rule: SNAT002, variant: fresh-transport}", "found at the construction site"},
		{"pool without shared-pool", "- {lang: go, package: a/b, name: N, rule: SNAT002, pool: x}", "add variant: shared-pool"},
		{"copy without receiver", "- {lang: go, package: a/b, name: N, rule: SNAT001, copy: true}", "needs receiver"},
		{"python receiver", "- {lang: python, module: a.b, receiver: C, name: n, rule: SNAT002}", "receiver is for Go"},
		{"bad name", "- {lang: go, package: a/b, name: \"New(\", rule: SNAT001}", `name "New("`},
		{"go partial wildcard package", "- {lang: go, package: a/b*, name: N, rule: SNAT001}", "wildcard is a whole element"},
		{"bad module", "- {lang: python, module: \"a..b\", name: n, rule: SNAT002}", "dotted module name"},
		{"empty list", "- {lang: python, module: [], name: n, rule: SNAT002}", "non-empty list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode(t, tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("DecodeRows(%s) = %v, want %q", tt.src, err, tt.want)
			}
			if re, ok := err.(*catalog.RowError); !ok || re.Line < 1 {
				t.Errorf("error %v is not a *RowError with a line", err)
			}
		})
	}
}

func TestPyMatchSpecificity(t *testing.T) {
	m := catalog.NewPyMatcher([]*catalog.Row{
		{Lang: catalog.Python, Package: "mycorp.clients", Name: "*Client", Rule: catalog.SNAT002},
		{Lang: catalog.Python, Package: "mycorp.clients", Name: "FakeClient", Silent: "a test double"},
		{Lang: catalog.Python, Package: "requests", Name: "Session", Rule: catalog.SNAT001}, // overrides the provider's row
	})
	tests := []struct {
		q     string
		rule  string
		class bool
	}{
		{"mycorp.clients.BillingClient", catalog.SNAT002, true},
		{"mycorp.clients.BillingClient.from_env", catalog.SNAT002, false},
		{"mycorp.clients.FakeClient", "", false},
		{"mycorp.clients.make", "", false},
		{"requests.Session", catalog.SNAT001, true},
		{"azure.identity.aio.DefaultAzureCredential", catalog.SNAT004, true},
		{"azure.identity.OnBehalfOfCredential", "", false},
		{"azure.core.PipelineClient", catalog.SNAT003, true},
		{"azure.core.pipeline.transport.RequestsTransport", "", false},
		{"azure.keyvault.secrets.SecretClient", catalog.SNAT003, true},
		{"azure.Client", "", false},
		{"requests.session", catalog.SNAT002, false},
	}
	for _, tt := range tests {
		got, ok := m.Match(tt.q)
		if got.Rule != tt.rule || ok != (tt.rule != "") || got.Class != tt.class {
			t.Errorf("Match(%q) = %q class %v ok %v, want %q class %v", tt.q, got.Rule, got.Class, ok, tt.rule, tt.class)
		}
	}
}
