package frameworks

// SemanticKernel: @kernel_function methods and functions (with or without
// arguments), invoked per call by the kernel. The plugin instance is built
// once when it is added to the kernel.
var SemanticKernel = &Framework{
	Name:    "semantic-kernel",
	Label:   "Semantic Kernel function",
	Fix:     "create it once in the plugin's __init__ or at module level",
	Modules: []string{"semantic_kernel"},
	Decorators: []Site{
		{Scope: Module, Names: []string{"kernel_function"}},
	},
}
