package catalog_test

import (
	"go/token"
	"go/types"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

const (
	pkgAzcoreRuntime = "github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	pkgArmRuntime    = "github.com/Azure/azure-sdk-for-go/sdk/azcore/arm/runtime"
	pkgAzidentity    = "github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func goFunc(pkgPath, recv, name string) *types.Func {
	pkg := types.NewPackage(pkgPath, pkgPath[len(pkgPath)-1:])
	var r *types.Var
	if recv != "" {
		named := types.NewNamed(types.NewTypeName(token.NoPos, pkg, recv, nil), types.NewStruct(nil, nil), nil)
		r = types.NewVar(token.NoPos, pkg, "x", types.NewPointer(named))
	}
	return types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(r, nil, nil, nil, nil, false))
}

func TestGoCatalogCall(t *testing.T) {
	cat := catalog.NewGoCatalog([]*catalog.Row{
		{Lang: catalog.Go, Package: "example.com/lib", Name: "NewHTTPClient", Rule: catalog.SNAT002},
		{Lang: catalog.Go, Package: "example.com/lib", Receiver: "Factory", Name: "Pool", Rule: catalog.SNAT001},
		{Lang: catalog.Go, Package: "example.com/lib", Name: "Bad", Rule: "SNAT999"},
		{Lang: catalog.Python, Package: "example.com/lib", Name: "Py", Rule: catalog.SNAT002},
	})
	tests := []struct {
		name     string
		fn       *types.Func
		wantRule string
		wantOK   bool
	}{
		{"clone", goFunc("net/http", "Transport", "Clone"), catalog.SNAT001, true},
		{"client do", goFunc("net/http", "Client", "Do"), "", false},
		{"azcore pipeline", goFunc(pkgAzcoreRuntime, "", "NewPipeline"), catalog.SNAT003, true},
		{"arm pipeline", goFunc(pkgArmRuntime, "", "NewPipeline"), catalog.SNAT003, true},
		{"credential", goFunc(pkgAzidentity, "", "NewDefaultAzureCredential"), catalog.SNAT004, true},
		{"cli credential", goFunc(pkgAzidentity, "", "NewAzureCLICredential"), catalog.SNAT004, true},
		{"obo credential", goFunc(pkgAzidentity, "", "NewOnBehalfOfCredentialWithSecret"), "", false},
		{"credential method", goFunc(pkgAzidentity, "DefaultAzureCredential", "NewXCredential"), "", false},
		{"look-alike package", goFunc("example.com/azidentity", "", "NewDefaultAzureCredential"), "", false},
		{"extra func", goFunc("example.com/lib", "", "NewHTTPClient"), catalog.SNAT002, true},
		{"extra method", goFunc("example.com/lib", "Factory", "Pool"), catalog.SNAT001, true},
		{"extra bad rule", goFunc("example.com/lib", "", "Bad"), "", false},
		{"python row", goFunc("example.com/lib", "", "Py"), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := cat.Call(tt.fn)
			if ok != tt.wantOK || got.Rule != tt.wantRule {
				t.Errorf("Call(%v) = %+v, %v; want rule %q, %v", tt.fn, got, ok, tt.wantRule, tt.wantOK)
			}
		})
	}
}

func TestGoCatalogSilent(t *testing.T) {
	tests := []struct {
		fn   *types.Func
		want bool
	}{
		{goFunc(pkgAzidentity, "", "NewOnBehalfOfCredentialWithCertificate"), true},
		{goFunc(pkgAzidentity, "", "NewDefaultAzureCredential"), false},
		{goFunc("net/http/httputil", "", "DumpRequestOut"), true},
		{goFunc("net/http/httputil", "", "DumpRequest"), false},
	}
	for _, tt := range tests {
		if got := (catalog.GoCatalog{}).Silent(tt.fn); got != tt.want {
			t.Errorf("Silent(%v) = %v, want %v", tt.fn, got, tt.want)
		}
	}
}
