package contexts

// ConfiguredHandlers is the family of the handler types named in
// .snatlint.yaml (go.handler_types); Configured fills in its Params.
var ConfiguredHandlers = &Family{
	Name:  "configured",
	Label: "handler",
	Fix:   NetHTTP.Fix,
}
