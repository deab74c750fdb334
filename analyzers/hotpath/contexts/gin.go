package contexts

// Gin: handlers and helpers taking a *gin.Context.
var Gin = &Family{
	Name:   "gin",
	Label:  "gin handler",
	Fix:    NetHTTP.Fix,
	Params: [][]TypeRef{{{Pkg: "github.com/gin-gonic/gin", Name: "Context", Ptr: true}}},
}
