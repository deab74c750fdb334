package contexts

// Echo: handlers and helpers taking an echo.Context.
var Echo = &Family{
	Name:   "echo",
	Label:  "echo handler",
	Fix:    NetHTTP.Fix,
	Params: [][]TypeRef{{{Pkg: "github.com/labstack/echo/v4", Name: "Context"}}},
}
