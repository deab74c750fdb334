package frameworks

// AzureFunctions: v1 entry functions (function.json's scriptFile and
// entryPoint, or a parameter typed with azure.functions), and v2
// FunctionApp/Blueprint routes and trigger decorators.
var AzureFunctions = &Framework{
	Name:    "azure-functions",
	Label:   "Azure Functions entry",
	Fix:     "create it once at module level so that invocations reuse it",
	Modules: []string{"azure.functions"},
	Decorators: []Site{
		{Scope: AnyApp, Names: []string{"*_trigger", "function_name", "schedule"}, Label: "Azure Functions trigger"},
		{Scope: App, Names: routeMethods, Called: true, Label: "Azure Functions route"},
	},
	Funcs: []Func{
		{ParamType: "azure.functions"},
	},
	Manifests: []string{"function.json"},
}
