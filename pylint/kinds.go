package pylint

// kinds.go: the node types visit dispatches on, one byte per grammar
// symbol, so that its switch (every node of every file) is a table
// look-up and a jump instead of string compares. typ stays the general
// answer.

// nodeKind is a node type visit dispatches on; kOther is any other.
type nodeKind uint8

const (
	kOther nodeKind = iota
	kIdentifier
	kLiteral // string, integer, float, true, false, none, escape_sequence
	kComment
	kImport // import_statement, import_from_statement
	kDecorated
	kFunctionDef
	kClassDef
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
)

// kindOfType maps the node types that have a kind to it.
var kindOfType = map[string]nodeKind{
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
	"parenthesized_expression": kPassThrough,
	"await":                    kPassThrough,
	"conditional_expression":   kPassThrough,
	"boolean_operator":         kPassThrough,
	"list":                     kPassThrough,
	"tuple":                    kPassThrough,
	"set":                      kPassThrough,
	"dictionary":               kPassThrough,
	"pair":                     kPassThrough,
	"expression_list":          kPassThrough,
	"list_splat":               kPassThrough,
	"dictionary_splat":         kPassThrough,
}

// symKinds is kindOfType by grammar symbol. Immutable after init.
var symKinds = func() []nodeKind {
	k := make([]nodeKind, len(symNames))
	for i, name := range symNames {
		k[i] = kindOfType[name]
	}
	return k
}()

// kind is n's kind (kOther for ERROR and any type without one).
func (w *walker) kind(n int32) nodeKind {
	if s := int(w.nodes[n].sym); s < len(symKinds) {
		return symKinds[s]
	}
	return kOther
}
