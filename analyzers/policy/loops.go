package policy

import "time"

// Loops are per-iteration contexts wherever they are, but three kinds of
// loop do not repeat work at a rate that matters (design.md, "Decisions on
// edge cases": Loops, and round 2: Loop details). Each pass reads a
// LoopShape off its own syntax tree; whether the loop is hot is decided
// here, once, for both languages.

// MaxConstTrips is the largest constant trip count of a loop that is not
// hot by its count alone (for i := 0; i < 10; i++, range(3), a literal
// list of at most ten hosts).
const MaxConstTrips = 10

// MinPace is the shortest constant wait per iteration that makes a loop
// paced: at most 0.5 new connections per second, inside the SNAT budget
// (128 ports reclaimed about 4 minutes after close).
const MinPace = 2 * time.Second

// UnknownTrips is LoopShape.Trips for a loop whose trip count is not a
// constant.
const UnknownTrips = -1

// LoopShape is what a pass knows of one loop.
type LoopShape struct {
	// Trips is the constant trip count: an integer literal or named
	// constant bound (Go constants, Python range() of literals or
	// module-level UPPER_CASE int constants), or the length of a literal
	// list, tuple, array or slice; UnknownTrips otherwise.
	Trips int
	// OverCollection is set for a loop over the elements of a collection
	// (Go range over a slice, array, map or string; Python for over a
	// name or attribute that is not a known message source): it ends
	// when the collection does.
	OverCollection bool
	// SuccessExits is set when every iteration that succeeds leaves the
	// loop: the success path returns or breaks, and the loop repeats only
	// after an error or an exception (retry and fallback loops, polling
	// that breaks once the service answers).
	SuccessExits bool
	// Waits is set when the body waits or backs off anywhere (a sleep, a
	// timer or ticker receive, a backoff helper), constant or not.
	Waits bool
	// Pace is the constant wait at the top level of the body that every
	// iteration reaches (no continue skips it); 0 when there is none or
	// its duration is not a constant.
	Pace time.Duration
	// RunsOnce is set when the body ends in an unconditional break or
	// return.
	RunsOnce bool
}

// LoopKind says why a loop is, or is not, hot.
type LoopKind uint8

// The kinds of loop.
const (
	// HotLoop repeats at a rate that matters: every iteration is a
	// per-iteration context (message loops, unpaced polling, unbounded
	// retries without a wait, variable or fast pacing).
	HotLoop LoopKind = iota
	// RunsOnceLoop runs at most once.
	RunsOnceLoop
	// ConstLoop has a constant trip count of at most MaxConstTrips.
	ConstLoop
	// PacedLoop waits at least MinPace on every iteration.
	PacedLoop
	// RetryLoop is a bounded retry or fallback loop: success leaves it,
	// and a constant count, a collection or a wait bounds the failures.
	RetryLoop
)

var loopKindNames = [...]string{
	HotLoop:      "hot loop",
	RunsOnceLoop: "loop that runs at most once",
	ConstLoop:    "loop with a constant trip count",
	PacedLoop:    "paced loop",
	RetryLoop:    "bounded retry loop",
}

func (k LoopKind) String() string {
	if int(k) < len(loopKindNames) {
		return loopKindNames[k]
	}
	return "loop"
}

// Kind classifies the loop. Only a HotLoop is a per-iteration context of
// its own; a construction in any other loop still belongs to the
// function around it (it constructs on every call of that function, and
// inside a handler it is "in the handler").
func (s LoopShape) Kind() LoopKind {
	switch {
	case s.RunsOnce:
		return RunsOnceLoop
	case s.Trips >= 0 && s.Trips <= MaxConstTrips:
		return ConstLoop
	case s.Pace >= MinPace:
		return PacedLoop
	case s.SuccessExits && (s.Trips >= 0 || s.OverCollection || s.Waits):
		return RetryLoop
	}
	return HotLoop
}

// Hot reports whether the loop is a per-iteration context.
func (s LoopShape) Hot() bool { return s.Kind() == HotLoop }
