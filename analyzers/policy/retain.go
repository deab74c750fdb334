package policy

// Store is where a constructed value goes, directly or through
// temporaries, as each pass reads it from its syntax tree.
type Store uint8

// The stores.
const (
	// Discarded: not stored (an argument, a return value, a with
	// statement, an expression statement), or stored into a local that
	// goes nowhere else.
	Discarded Store = iota
	// Global: a package- or module-level variable (also through Python's
	// global), a class attribute, or a container held by one.
	Global
	// Field: a field of the receiver or self (directly or in a container
	// it holds).
	Field
	// Outer: a variable declared outside the loop or function the
	// construction runs in (a map made before the loop, a captured
	// variable, a parameter), or a container it holds.
	Outer
	// Local: a local variable or container declared inside that loop or
	// function; where it goes next decides.
	Local
)

// Retention is whether a store keeps a value beyond the run (request,
// iteration) that built it.
type Retention uint8

// The retentions.
const (
	// NotRetained: built per run; a per-request context reports it.
	NotRetained Retention = iota
	// Retained: a cache; silent.
	Retained
	// RetainedUnlessPerRequest: retained by the object or function that
	// holds it, unless that itself is per request (the self of a Django
	// view, the receiver of a handler type, a map made in a handler).
	RetainedUnlessPerRequest
	// Follow: decided by where the local goes next.
	Follow
)

// retention is the decision table: store kind → retention.
var retention = [...]Retention{
	Discarded: NotRetained,
	Global:    Retained,
	Field:     RetainedUnlessPerRequest,
	Outer:     RetainedUnlessPerRequest,
	Local:     Follow,
}

// Retains is the retention of a value stored into s.
func Retains(s Store) Retention {
	if int(s) < len(retention) {
		return retention[s]
	}
	return NotRetained
}

// Resolve turns a retention into a decision once the holder is known:
// perRequest says whether the object or function holding the store is
// itself per request.
func (r Retention) Resolve(perRequest bool) bool {
	switch r {
	case Retained:
		return true
	case RetainedUnlessPerRequest:
		return !perRequest
	}
	return false
}
