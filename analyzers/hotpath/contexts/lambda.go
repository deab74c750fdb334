package contexts

// pkgLambda is github.com/aws/aws-lambda-go/lambda.
const pkgLambda = "github.com/aws/aws-lambda-go/lambda"

// Lambda: the handler given to lambda.Start and its variants (a function,
// a method value or a literal), and the Invoke method of a lambda.Handler.
// Every invocation runs it; main runs once per execution environment, so
// what main builds is reused by warm invocations.
var Lambda = &Family{
	Name:  "lambda",
	Label: "Lambda handler",
	Desc:  "{label} {name}",
	Each:  "each invocation",
	Fix:   "create it once before lambda.Start",
	Calls: []Call{
		{Pkg: pkgLambda, Name: "Start", Arg: 0},
		{Pkg: pkgLambda, Name: "StartWithOptions", Arg: 0},
		{Pkg: pkgLambda, Name: "StartWithContext", Arg: 1},
		{Pkg: pkgLambda, Name: "StartHandlerFunc", Arg: 0},
		{Pkg: pkgLambda, Name: "NewHandler", Arg: 0},
		{Pkg: pkgLambda, Name: "NewHandlerWithOptions", Arg: 0},
	},
	Implements: []Interface{{Type: TypeRef{Pkg: pkgLambda, Name: "Handler"}, Methods: []string{"Invoke"}}},
}
