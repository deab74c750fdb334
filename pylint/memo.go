package pylint

// memo holds one result per function (or per class) of the project,
// computed once: a dense slice indexed by file and position instead of a
// map keyed by them (305,000 functions on the Azure SDK made the maps'
// growth alone a sixth of phase 2).
type memo[T any] struct {
	base  []int // index of each file's first element
	vals  []T
	state []memoState
}

type memoState uint8

const (
	memoNone memoState = iota
	memoBusy           // being computed: a cycle reads the zero value
	memoDone
)

// newMemo makes a memo for files whose element counts are n(file).
func newMemo[T any](files []*fileSum, n func(*fileSum) int) memo[T] {
	m := memo[T]{base: make([]int, len(files)+1)}
	for i, fs := range files {
		m.base[i+1] = m.base[i]
		if fs != nil {
			m.base[i+1] += n(fs)
		}
	}
	total := m.base[len(files)]
	m.vals, m.state = make([]T, total), make([]memoState, total)
	return m
}

// slot returns the index of element i of file, or -1 when there is none
// (a reference that does not resolve within the file).
func (m *memo[T]) slot(file, i int) int {
	if file < 0 || file+1 >= len(m.base) || i < 0 || m.base[file]+i >= m.base[file+1] {
		return -1
	}
	return m.base[file] + i
}

// begin returns the value of element i of file when it is known or
// being computed (a cycle reads the zero value); otherwise it marks it
// as being computed and returns its slot for end.
func (m *memo[T]) begin(file, i int) (slot int, v T, known bool) {
	s := m.slot(file, i)
	if s < 0 {
		return -1, v, false
	}
	if m.state[s] != memoNone {
		return s, m.vals[s], true
	}
	m.state[s] = memoBusy
	return s, v, false
}

// end stores the value computed after begin.
func (m *memo[T]) end(slot int, v T) T {
	if slot >= 0 {
		m.vals[slot], m.state[slot] = v, memoDone
	}
	return v
}
