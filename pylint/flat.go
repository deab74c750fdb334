package pylint

/*
#include <stdint.h>
#include <stdlib.h>
#include <stdbool.h>

// Declarations of the tree-sitter C API compiled into
// github.com/smacker/go-tree-sitter (the symbols are resolved at link time).
typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;
typedef struct TSTree TSTree;
typedef struct TSPoint { uint32_t row; uint32_t column; } TSPoint;
typedef struct TSNode { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct TSTreeCursor { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;

TSNode ts_tree_root_node(const TSTree *self);
TSSymbol ts_node_symbol(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
bool ts_node_has_error(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
TSPoint ts_node_start_point(TSNode self);
TSPoint ts_node_end_point(TSNode self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
TSFieldId ts_tree_cursor_current_field_id(const TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);

typedef struct snat_node {
	uint16_t sym, field;
	uint32_t flags;
	uint32_t sb, eb, sr, sc, er, ec;
	int32_t parent, next, first, last;
} snat_node;

// snat_flatten writes the named nodes of tree (and the anonymous ones whose
// symbol has bit 1 in keep; bit 2: do not descend; bit 4: skip; bit 8:
// the symbol is named, read here instead of asking the node) in pre-order, with parent/sibling links, into
// out, iteratively (no recursion, any depth). It returns how many nodes
// the tree has; when that exceeds cap only the first cap are written.
static int64_t snat_flatten(const TSTree *tree, snat_node *out, int64_t cap, const uint8_t *keep, uint32_t nkeep) {
	TSNode root = ts_tree_root_node(tree);
	bool has_error = ts_node_has_error(root);
	TSTreeCursor cur = ts_tree_cursor_new(root);
	int64_t n = 0;
	// stack of emitted ancestor indices; depth grows with the tree
	int64_t stack_cap = 1024, depth = 0;
	int32_t local[1024];
	int32_t *heap = 0;
	int32_t *stack = local;
	for (;;) {
		TSNode node = ts_tree_cursor_current_node(&cur);
		TSSymbol sym = ts_node_symbol(node);
		uint8_t k = sym < nkeep ? keep[sym] : 0;
		bool named = sym < nkeep ? (k & 8) != 0 : ts_node_is_named(node);
		bool missing = has_error && ts_node_is_missing(node);
		bool take = ((named || (k & 1)) && !(k & 4)) || missing;
		if (take) {
			if (n < cap) {
				snat_node *o = &out[n];
				TSPoint s = ts_node_start_point(node), e = ts_node_end_point(node);
				o->sym = sym;
				o->field = ts_tree_cursor_current_field_id(&cur);
				o->flags = missing ? 1 : 0;
				o->sb = ts_node_start_byte(node);
				o->eb = ts_node_end_byte(node);
				o->sr = s.row; o->sc = s.column; o->er = e.row; o->ec = e.column;
				o->parent = depth > 0 ? stack[depth - 1] : -1;
				o->next = -1; o->first = -1; o->last = -1;
				if (o->parent >= 0) {
					snat_node *p = &out[o->parent];
					if (p->last >= 0) out[p->last].next = (int32_t)n; else p->first = (int32_t)n;
					p->last = (int32_t)n;
				}
			}
			n++;
		}
		// descend into taken nodes only
		if (take && !(k & 2) && ts_tree_cursor_goto_first_child(&cur)) {
			if (depth == stack_cap) {
				int64_t nc = stack_cap * 2;
				int32_t *ns = (int32_t *)__builtin_malloc(sizeof(int32_t) * nc);
				for (int64_t i = 0; i < depth; i++) ns[i] = stack[i];
				if (heap) __builtin_free(heap);
				heap = ns; stack = ns; stack_cap = nc;
			}
			stack[depth++] = (int32_t)(n - 1 < cap ? n - 1 : -1);
			continue;
		}
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&cur)) break;
			if (!ts_tree_cursor_goto_parent(&cur)) {
				ts_tree_cursor_delete(&cur);
				if (heap) __builtin_free(heap);
				return n;
			}
			depth--;
		}
	}
}
*/
import "C"

import (
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

// fnode mirrors snat_node.
type fnode struct {
	sym, field                uint16
	flags                     uint32
	sb, eb, sr, sc, er, ec    uint32
	parent, next, first, last int32
}

var _ [unsafe.Sizeof(fnode{}) - unsafe.Sizeof(C.snat_node{})]byte
var _ [unsafe.Sizeof(C.snat_node{}) - unsafe.Sizeof(fnode{})]byte

const symError = 65535

// symBits are what flatten knows of each symbol: 1 an anonymous symbol
// the walker needs ("async"), 2 a node whose children it never looks at
// (string bodies; calls inside f-string interpolations are not checked),
// 4 a node it skips, 8 a named symbol.
var symBits = func() []uint8 {
	lang := python.GetLanguage()
	k := make([]uint8, len(symNames))
	for i, n := range symNames {
		if lang.SymbolType(sitter.Symbol(i)) == sitter.SymbolTypeRegular {
			k[i] |= 8
		}
		switch n {
		case "async":
			k[i] |= 1
		case "string", "concatenated_string":
			k[i] |= 2
		}
	}
	return k
}()

// fieldIDs maps field names to grammar field IDs. Immutable after init.
var fieldIDs = func() map[string]uint16 {
	lang := python.GetLanguage()
	m := map[string]uint16{}
	for i := 1; i < 1024; i++ {
		name := lang.FieldName(i)
		if name == "" {
			break
		}
		m[name] = uint16(i)
	}
	return m
}()

// cTree returns the C tree behind a *sitter.Tree. go-tree-sitter keeps it
// in the first field of BaseTree, the first field of Tree; the version is
// pinned in go.mod and TestFlattenMatchesNodeAPI guards the layout.
func cTree(t *sitter.Tree) *C.TSTree {
	base := *(*unsafe.Pointer)(unsafe.Pointer(t))
	return *(**C.TSTree)(base)
}

// nodeBuf is a worker's node array in C memory, filled by snat_flatten in
// one C call (two when it is too small), so walking it costs no cgo
// calls. The node copy of a big file (48 bytes a node, about ten times
// the source) is neither Go heap the collector counts against the memory
// limit nor garbage it must collect, and it is handed back as soon as the
// file is walked (shrink).
type nodeBuf struct {
	p   unsafe.Pointer
	cap int64
}

// flatten is flatten into b, grown as needed; the result is valid until
// the next call of flatten, shrink or free.
func (b *nodeBuf) flatten(t *sitter.Tree, srcLen int) []fnode {
	guess := max(b.cap, int64(srcLen/5+64))
	for {
		if b.cap < guess {
			b.free()
			b.p = C.malloc(C.size_t(guess) * C.size_t(unsafe.Sizeof(fnode{})))
			if b.p == nil {
				panic("out of memory for the node copy")
			}
			b.cap = guess
		}
		n := int64(C.snat_flatten(cTree(t), (*C.snat_node)(b.p), C.int64_t(b.cap),
			(*C.uint8_t)(unsafe.Pointer(&symBits[0])), C.uint32_t(len(symBits))))
		if n <= b.cap {
			return unsafe.Slice((*fnode)(b.p), b.cap)[:n:n]
		}
		guess = n
	}
}

// shrink frees b when it holds more than max nodes.
func (b *nodeBuf) shrink(max int64) {
	if b.cap > max {
		b.free()
	}
}

func (b *nodeBuf) free() {
	if b.p != nil {
		C.free(b.p)
	}
	b.p, b.cap = nil, 0
}
