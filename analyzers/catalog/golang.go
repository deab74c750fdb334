package catalog

import (
	"go/types"
	"strings"

	"github.com/snatlint/snatlint/analyzers/internal/typesx"
)

// Go package paths the Go catalog refers to.
const (
	GoPkgNetHTTP       = "net/http"
	GoPkgAzcore        = "github.com/Azure/azure-sdk-for-go/sdk/azcore"
	GoPkgAzcoreRuntime = "github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	GoPkgArmRuntime    = "github.com/Azure/azure-sdk-for-go/sdk/azcore/arm/runtime"
	GoPkgAzcorePolicy  = "github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	GoPkgArm           = "github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	GoPkgAzidentity    = "github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

// GoConstruction says what a Go construction builds and under which rule
// it is reported.
type GoConstruction struct {
	Rule string // rule ID
	What string // "http.Transport", "Azure SDK pipeline", ...
}

// GoExtra is an extra pool-owning constructor, from the configuration:
// Name is "pkg/path.Func", "pkg/path.Type" (any construction of that
// type) or "pkg/path.Type.Method".
type GoExtra struct {
	Name string
	Rule string
}

// GoCatalog matches Go constructions: the built-in table plus extras.
// The zero value holds the built-in table only. It is immutable.
type GoCatalog struct {
	funcs map[string]string // "pkg/path.Func" or "pkg/path.Type.Method" -> rule
	types map[string]string // "pkg/path.Type" -> rule
}

// NewGoCatalog returns the built-in catalog extended by extras; extras
// with an unknown rule or a malformed name are ignored.
func NewGoCatalog(extras []GoExtra) GoCatalog {
	c := GoCatalog{funcs: map[string]string{}, types: map[string]string{}}
	for _, e := range extras {
		if _, ok := Lookup(e.Rule); !ok {
			continue
		}
		slash := strings.LastIndex(e.Name, "/")
		dot := strings.Index(e.Name[slash+1:], ".")
		if dot < 0 {
			continue
		}
		rest := e.Name[slash+1+dot+1:]
		if first := rest[:1]; strings.Contains(rest, ".") || strings.ToLower(first) == first {
			c.funcs[e.Name] = e.Rule // Type.Method, or a lowercase func
		} else {
			// Could be a type or an exported func: record both.
			c.funcs[e.Name] = e.Rule
			c.types[e.Name] = e.Rule
		}
	}
	return c
}

// HasExtras reports whether the catalog holds configured constructors.
func (c GoCatalog) HasExtras() bool { return len(c.funcs) > 0 }

// ExtraPackages are the package paths of the configured constructors.
func (c GoCatalog) ExtraPackages() []string {
	var pkgs []string
	for name := range c.funcs {
		pkg := name[:strings.LastIndex(name, "/")+1]
		rest := name[len(pkg):]
		pkg += rest[:strings.Index(rest, ".")]
		pkgs = append(pkgs, pkg)
	}
	return pkgs
}

// extraWhat names what a configured constructor builds, by rule.
var extraWhat = map[string]string{
	SNAT001: "connection pool",
	SNAT002: "HTTP client",
	SNAT003: "Azure SDK client",
	SNAT004: "credential",
	SNAT005: "one-shot HTTP client",
}

// RootPackages are the packages whose declarations the built-in catalog
// names: a package importing none of them (and no package that carries
// facts) cannot construct anything.
var RootPackages = []string{GoPkgNetHTTP, GoPkgAzcoreRuntime, GoPkgArmRuntime, GoPkgAzidentity}

// Type returns the construction of a value of type t (a composite
// literal, new(T) or a zero-value variable of t): http.Transport and
// http.Client, also through aliases and defined types whose underlying
// type is theirs, and configured types.
func (c GoCatalog) Type(t types.Type) (GoConstruction, bool) {
	if t == nil {
		return GoConstruction{}, false // ill-typed
	}
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		key := n.Obj().Pkg().Path() + "." + n.Obj().Name()
		if rule, ok := c.types[key]; ok {
			return GoConstruction{Rule: rule, What: n.Obj().Pkg().Name() + "." + n.Obj().Name()}, true
		}
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return GoConstruction{}, false
	}
	switch {
	case hasHTTPFields(s, "DisableKeepAlives", "TLSClientConfig", "MaxIdleConnsPerHost"):
		return GoConstruction{Rule: SNAT001, What: "http.Transport"}, true
	case hasHTTPFields(s, "Transport", "CheckRedirect", "Jar"):
		return GoConstruction{Rule: SNAT002, What: "http.Client"}, true
	}
	return GoConstruction{}, false
}

// hasHTTPFields reports whether struct s has all the named fields,
// declared in net/http: the struct of http.Transport or http.Client,
// whatever defined type or alias names it.
func hasHTTPFields(s *types.Struct, names ...string) bool {
	found := 0
	for f := range s.Fields() {
		if f.Pkg() == nil || f.Pkg().Path() != GoPkgNetHTTP {
			return false
		}
		for _, n := range names {
			if f.Name() == n {
				found++
			}
		}
	}
	return found == len(names)
}

// Call returns the construction performed by a call of fn, a catalog
// root: (*http.Transport).Clone, the azcore and arm runtime.NewPipeline,
// azidentity.New*Credential (but not the on-behalf-of constructors) and
// configured constructors. Roots are not analysed further: what their
// bodies do is decided here.
func (c GoCatalog) Call(fn *types.Func) (GoConstruction, bool) {
	if fn == nil || fn.Pkg() == nil {
		return GoConstruction{}, false
	}
	path := fn.Pkg().Path()
	recv := typesx.RecvTypeName(fn)
	key := path + "." + fn.Name()
	if recv != "" {
		key = path + "." + recv + "." + fn.Name()
	}
	if rule, ok := c.funcs[key]; ok {
		return GoConstruction{Rule: rule, What: extraWhat[rule]}, true
	}
	switch {
	case path == GoPkgNetHTTP && recv == "Transport" && fn.Name() == "Clone":
		return GoConstruction{Rule: SNAT001, What: "http.Transport"}, true
	case (path == GoPkgAzcoreRuntime || path == GoPkgArmRuntime) && recv == "" && fn.Name() == "NewPipeline":
		return GoConstruction{Rule: SNAT003, What: "Azure SDK pipeline"}, true
	case path == GoPkgAzidentity && recv == "" && isCredentialConstructor(fn.Name()):
		return GoConstruction{Rule: SNAT004, What: "azidentity." + fn.Name()[len("New"):]}, true
	}
	return GoConstruction{}, false
}

// Silent reports whether calls of fn are never constructions, whatever
// its body does: the on-behalf-of credentials are per user by design,
// and httputil.DumpRequestOut builds a transport whose dialer never
// touches the network.
func (c GoCatalog) Silent(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case GoPkgAzidentity:
		return strings.HasPrefix(fn.Name(), "NewOnBehalfOfCredential")
	case "net/http/httputil":
		return fn.Name() == "DumpRequestOut" && fn.Signature().Recv() == nil
	}
	return false
}

// isCredentialConstructor matches azidentity.New*Credential, except the
// on-behalf-of ones.
func isCredentialConstructor(name string) bool {
	return strings.HasPrefix(name, "New") && strings.HasSuffix(name, "Credential") &&
		!strings.HasPrefix(name, "NewOnBehalfOfCredential")
}
