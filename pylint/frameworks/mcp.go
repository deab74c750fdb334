package frameworks

// MCP: Model Context Protocol servers: FastMCP tools, resources, prompts
// and custom routes (decorators with or without parentheses) and the
// low-level server's handlers. The lifespan runs once.
var MCP = &Framework{
	Name:    "mcp",
	Label:   "MCP tool",
	Fix:     "create it once in the server's lifespan",
	Modules: []string{"mcp.server", "fastmcp"},
	Decorators: []Site{
		{Scope: App, Names: []string{"tool"}},
		{Scope: App, Names: []string{"resource"}, Label: "MCP resource"},
		{Scope: App, Names: []string{"prompt"}, Label: "MCP prompt"},
		{Scope: App, Names: []string{"custom_route"}, Label: "MCP route"},
		{Scope: App, Names: []string{"call_tool", "read_resource", "get_prompt", "list_tools", "list_resources", "list_prompts"},
			Called: true, Label: "MCP {name} handler"},
	},
	Registrations: []Site{
		{Scope: Module, Names: []string{"FastMCP", "Server"}, Arg: -1, Keyword: "lifespan", Role: Startup, Label: "MCP lifespan"},
	},
}
