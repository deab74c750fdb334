package frameworks

// Lambda: AWS Lambda handlers: module-level lambda_handler(event, context)
// or handler(event, context), and the functions named by Handler entries
// of template.yaml (SAM) or handler entries of serverless.yml in the
// scanned tree. Each invocation runs the handler; the module is imported
// once per execution environment.
var Lambda = &Framework{
	Name:  "lambda",
	Label: "Lambda handler",
	Fix:   "create it once at module level so that warm invocations reuse it",
	Funcs: []Func{
		{Names: []string{"lambda_handler", "handler"}, TopLevel: true,
			Params: []string{"event|_event", "context|_context|ctx|_ctx|_"}},
	},
	Manifests: []string{"template.yaml", "template.yml", "serverless.yml", "serverless.yaml"},
}
