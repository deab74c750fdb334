package catalog_test

import (
	"slices"
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
		{"setting without scope", "- {lang: go, package: a/b, name: T, field: Off, value: true, rule: SNAT008}", "needs field, value and scope"},
		{"setting without value", "- {lang: go, package: a/b, name: T, field: Off, scope: anywhere, rule: SNAT008}", "needs field, value and scope"},
		{"setting with variant", "- {lang: go, package: a/b, name: T, field: Off, value: true, scope: anywhere, rule: SNAT008, variant: own-pool}", "its scope decides"},
		{"bad scope", "- {lang: go, package: a/b, name: T, field: Off, value: true, scope: sometimes, rule: SNAT008}", `bad scope "sometimes"`},
		{"header without field", "- {lang: python, module: m, name: f, header: Connection, value: close, scope: per-request, rule: SNAT008}", "needs field"},
		{"setting without rule", "- {lang: go, package: a/b, name: T, field: Off, value: true, scope: anywhere, silent: x}", "needs a rule"},
		{"bad value", "- {lang: go, package: a/b, name: T, field: Off, value: [x], scope: anywhere, rule: SNAT008}", "expected a string"},
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

func TestDecodeSettingRows(t *testing.T) {
	rows, err := decode(t, `
- {lang: go, package: example.com/httpx, name: Options, field: NoReuse, value: true, scope: anywhere, rule: SNAT008}
- {lang: python, module: mycorp.http, name: fetch, field: headers, header: Connection, value: close, scope: per-request, rule: SNAT008}
- {lang: python, module: mycorp.http, name: Pool, field: max_idle, value: 0, scope: anywhere, rule: SNAT008}
`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		row     *catalog.Row
		variant catalog.Variant
		text    string
		yes, no []string
	}{
		{rows[0], catalog.KeepAliveOff, "NoReuse: true", []string{"true", "TRUE"}, []string{"false", "1"}},
		{rows[1], catalog.CloseRequest, `header "Connection: close"`, []string{"close", "Close", "keep-alive, close", " close "}, []string{"keep-alive", "closed", ""}},
		{rows[2], catalog.KeepAliveOff, "max_idle=0", []string{"0"}, []string{"10", "false"}},
	}
	for _, tt := range tests {
		if !tt.row.IsSetting() || tt.row.Variant != tt.variant || tt.row.SettingText() != tt.text {
			t.Errorf("%s: setting %v, variant %v, text %q; want a setting, %v, %q", tt.row, tt.row.IsSetting(), tt.row.Variant, tt.row.SettingText(), tt.variant, tt.text)
		}
		for _, v := range tt.yes {
			if !tt.row.MatchValue(v) {
				t.Errorf("%s: MatchValue(%q) = false, want true", tt.row, v)
			}
		}
		for _, v := range tt.no {
			if tt.row.MatchValue(v) {
				t.Errorf("%s: MatchValue(%q) = true, want false", tt.row, v)
			}
		}
	}
	if !rows[1].MatchHeader("connection") || rows[1].MatchHeader("Accept") || rows[0].MatchHeader("Connection") {
		t.Errorf("MatchHeader: want the header of a header row, case-insensitive, and nothing else")
	}
}

func TestPySettings(t *testing.T) {
	m := catalog.NewPyMatcher(nil)
	tests := []struct {
		q, field string
		attr     bool
		want     []catalog.Scope
	}{
		{"aiohttp.TCPConnector", "force_close", false, []catalog.Scope{catalog.Anywhere}},
		{"aiohttp.connector.TCPConnector", "force_close", false, []catalog.Scope{catalog.Anywhere}},
		{"aiohttp.TCPConnector", "limit", false, nil},
		{"httpx.Client", "headers", false, []catalog.Scope{catalog.Anywhere}},
		{"httpx.Client", "headers", true, []catalog.Scope{catalog.Anywhere}},
		{"httpx.Client.get", "headers", false, []catalog.Scope{catalog.PerRequest}},
		{"httpx.Limits", "max_keepalive_connections", false, []catalog.Scope{catalog.Anywhere}},
		{"requests.get", "headers", false, []catalog.Scope{catalog.PerRequest}},
		{"requests.get", "headers", true, nil}, // a response's headers
		{"requests.Session", "headers", true, []catalog.Scope{catalog.Anywhere}},
		{"requests.Session.post", "headers", false, []catalog.Scope{catalog.PerRequest}},
		{"mycorp.Session", "headers", true, nil},
	}
	for _, tt := range tests {
		var got []catalog.Scope
		for _, r := range m.Settings(tt.q, tt.field, tt.attr) {
			got = append(got, r.Scope)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Settings(%q, %q, %v) = %v, want %v", tt.q, tt.field, tt.attr, got, tt.want)
		}
	}
	keys := m.SettingKeys()
	if !keys.Fields["force_close"] || !keys.Fields["headers"] || !keys.Headers["connection"] || keys.Fields["timeout"] {
		t.Errorf("SettingKeys() = %+v, want the setting rows' fields and lowercase headers", keys)
	}
}
