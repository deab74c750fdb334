package contexts

// Fiber: handlers and helpers taking a *fiber.Ctx.
var Fiber = &Family{
	Name:   "fiber",
	Label:  "fiber handler",
	Fix:    NetHTTP.Fix,
	Params: [][]TypeRef{{{Pkg: "github.com/gofiber/fiber/v2", Name: "Ctx", Ptr: true}}},
}
