package pylint

// kinds.go: the node types the walk tests most often, one byte per
// grammar symbol, so that its hottest tests (visit's dispatch, the scans
// of loop bodies and scopes) are a table look-up and an integer compare
// instead of a string compare. typ stays the general answer.

// kind is a node type the walk dispatches on; kOther is any other.
type kind uint8

const (
	kOther kind = iota
	kIdentifier
	kLiteral // string, integer, float, true, false, none, escape_sequence
	kComment
	kImport // import_statement, import_from_statement
	kDecorated
	kFunctionDef
	kClassDef
	kLambda
	kCall
	kAssignment
	kAugmentedAssignment
	kForStatement
	kWhileStatement
	kComprehension // list, set and dictionary comprehensions, generator expressions
	kIfStatement
	kWithItem
	kGlobalOrNonlocal // global_statement, nonlocal_statement
	kReturn
	kKeywordArgument
	kPassThrough // the value passes through to the same destination (visit)
	kAttribute
	kNamedExpression
	kAsPatternTarget
	kDelete
	kList
	kTuple
	kSubscript
	kModule
	kParenthesized
)

// kindOfType maps the node types that have a kind to it.
var kindOfType = map[string]kind{
	"identifier":               kIdentifier,
	"string":                   kLiteral,
	"integer":                  kLiteral,
	"float":                    kLiteral,
	"true":                     kLiteral,
	"false":                    kLiteral,
	"none":                     kLiteral,
	"escape_sequence":          kLiteral,
	"comment":                  kComment,
	"import_statement":         kImport,
	"import_from_statement":    kImport,
	"decorated_definition":     kDecorated,
	"function_definition":      kFunctionDef,
	"class_definition":         kClassDef,
	"lambda":                   kLambda,
	"call":                     kCall,
	"assignment":               kAssignment,
	"augmented_assignment":     kAugmentedAssignment,
	"for_statement":            kForStatement,
	"while_statement":          kWhileStatement,
	"list_comprehension":       kComprehension,
	"set_comprehension":        kComprehension,
	"dictionary_comprehension": kComprehension,
	"generator_expression":     kComprehension,
	"if_statement":             kIfStatement,
	"with_item":                kWithItem,
	"global_statement":         kGlobalOrNonlocal,
	"nonlocal_statement":       kGlobalOrNonlocal,
	"return_statement":         kReturn,
	"keyword_argument":         kKeywordArgument,
	"parenthesized_expression": kParenthesized,
	"await":                    kPassThrough,
	"conditional_expression":   kPassThrough,
	"boolean_operator":         kPassThrough,
	"list":                     kList,
	"tuple":                    kTuple,
	"set":                      kPassThrough,
	"dictionary":               kPassThrough,
	"pair":                     kPassThrough,
	"expression_list":          kPassThrough,
	"list_splat":               kPassThrough,
	"dictionary_splat":         kPassThrough,
	"attribute":                kAttribute,
	"named_expression":         kNamedExpression,
	"as_pattern_target":        kAsPatternTarget,
	"delete_statement":         kDelete,
	"subscript":                kSubscript,
	"module":                   kModule,
}

// symKinds is kindOfType by grammar symbol. Immutable after init.
var symKinds = func() []kind {
	k := make([]kind, len(symNames))
	for i, name := range symNames {
		k[i] = kindOfType[name]
	}
	return k
}()

// kind is n's kind (kOther for ERROR and any type without one).
func (w *walker) kind(n int32) kind {
	if s := int(w.nodes[n].sym); s < len(symKinds) {
		return symKinds[s]
	}
	return kOther
}
