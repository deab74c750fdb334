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

#define SNAT_SYM_ERROR 65535 // ts_builtin_sym_error, public as it is

typedef struct snat_node {
	uint16_t sym, field;
	uint32_t flags;
	uint32_t sb, eb, sr, sc, er, ec;
	int32_t parent, next, first, last;
} snat_node;

// snat_take says whether a node is copied: named or kept by its
// symbol's bits k (see symBits), or MISSING.
static inline bool snat_take(uint8_t k, bool named, bool missing) {
	return ((named || (k & 1)) && !(k & 4)) || missing;
}

// snat_put writes node n, a child of parent (-1: none), and links it
// after the parent's last child.
static inline void snat_put(snat_node *out, int64_t n, int32_t parent, TSSymbol sym, TSFieldId field,
	bool missing, uint32_t sb, uint32_t eb, TSPoint s, TSPoint e) {
	snat_node *o = &out[n];
	o->sym = sym;
	o->field = field;
	o->flags = missing ? 1 : 0;
	o->sb = sb; o->eb = eb;
	o->sr = s.row; o->sc = s.column; o->er = e.row; o->ec = e.column;
	o->parent = parent;
	o->next = -1; o->first = -1; o->last = -1;
	if (parent >= 0) {
		snat_node *p = &out[parent];
		if (p->last >= 0) out[p->last].next = (int32_t)n; else p->first = (int32_t)n;
		p->last = (int32_t)n;
	}
}

// snat_flatten_cursor writes the named nodes of tree (and the anonymous ones whose
// symbol has bit 1 in keep; bit 2: do not descend; bit 4: skip; bit 8:
// the symbol is named, read here instead of asking the node) in pre-order, with parent/sibling links, into
// out, iteratively (no recursion, any depth). It returns how many nodes
// the tree has (when that exceeds cap only the first cap are written), or
// -1 when it ran out of memory.
static int64_t snat_flatten_cursor(const TSTree *tree, snat_node *out, int64_t cap, const uint8_t *keep, uint32_t nkeep) {
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
		bool take = snat_take(k, named, missing);
		if (take) {
			if (n < cap) {
				snat_put(out, n, depth > 0 ? stack[depth - 1] : -1, sym, ts_tree_cursor_current_field_id(&cur),
					missing, ts_node_start_byte(node), ts_node_end_byte(node),
					ts_node_start_point(node), ts_node_end_point(node));
			}
			n++;
		}
		// descend into taken nodes only
		if (take && !(k & 2) && ts_tree_cursor_goto_first_child(&cur)) {
			if (depth == stack_cap) {
				int64_t nc = stack_cap * 2;
				int32_t *ns = (int32_t *)__builtin_malloc(sizeof(int32_t) * nc);
				if (!ns) {
					ts_tree_cursor_delete(&cur);
					if (heap) __builtin_free(heap);
					return -1;
				}
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

// What follows copies the nodes from tree-sitter's own subtrees instead of
// going through the public cursor and its per-step bookkeeping (an entry
// stack, alias and field look-ups repeated for every anonymous token): on
// the Azure SDK the copy takes 6.6 s of CPU instead of 11.4 s, most of it
// now the first read of each subtree's heap data. The layouts mirror
// subtree.h, tree.h and parser.h of the tree-sitter that the go-tree-sitter
// version pinned in go.mod vendors, on 64-bit little-endian machines;
// snat_layout_ok checks what the public API can tell at start-up, and
// TestFlattenSubtreesMatchCursor and FuzzFlatten compare both copies field
// by field. Elsewhere snat_flatten is the cursor copy.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && UINTPTR_MAX == 0xffffffffffffffffu

typedef struct { uint32_t bytes; TSPoint extent; } snat_length;

typedef struct {
	bool is_inline : 1;
	bool visible : 1;
	bool named : 1;
	bool extra : 1;
	bool has_changes : 1;
	bool is_missing : 1;
	bool is_keyword : 1;
	uint8_t symbol;
	uint16_t parse_state;
	uint8_t padding_columns;
	uint8_t padding_rows : 4;
	uint8_t lookahead_bytes : 4;
	uint8_t padding_bytes;
	uint8_t size_bytes;
} snat_inline;

typedef struct {
	uint32_t ref_count;
	snat_length padding;
	snat_length size;
	uint32_t lookahead_bytes;
	uint32_t error_cost;
	uint32_t child_count;
	TSSymbol symbol;
	uint16_t parse_state;
	bool visible : 1;
	bool named : 1;
	bool extra : 1;
	bool fragile_left : 1;
	bool fragile_right : 1;
	bool has_changes : 1;
	bool has_external_tokens : 1;
	bool has_external_scanner_state_change : 1;
	bool depends_on_column : 1;
	bool is_missing : 1;
	bool is_keyword : 1;
	union {
		struct {
			uint32_t visible_child_count;
			uint32_t named_child_count;
			uint32_t visible_descendant_count;
			int32_t dynamic_precedence;
			uint16_t repeat_depth;
			uint16_t production_id;
			struct { TSSymbol symbol; uint16_t parse_state; } first_leaf;
		};
		struct { union { char *long_data; char short_data[24]; }; uint32_t length; } external_scanner_state;
		int32_t lookahead_char;
	};
} snat_heap;

typedef union { snat_inline data; const snat_heap *ptr; } snat_subtree;

// snat_st is a subtree as the copy holds it, in a register: the union's
// eight bytes, read with shifts (an inline leaf has bit 0 set and the
// fields where snat_inline puts them) instead of through the union's
// bitfields, which GCC rebuilt in memory at every step and read back
// whole, stalling on the narrow stores (BenchmarkCorpusCopy on Django,
// six alternating rounds: 120 -> 103 ns a node, median).
// snat_st_ok checks the shifts against the union.
typedef uint64_t snat_st;

static inline snat_st snat_load(const snat_subtree *p) {
	snat_st r;
	__builtin_memcpy(&r, p, sizeof r);
	return r;
}
static inline bool snat_inl(snat_st t) { return t & 1; }
static inline const snat_heap *snat_ptr(snat_st t) { return (const snat_heap *)(uintptr_t)t; }
static inline bool snat_visible(snat_st t) { return snat_inl(t) ? (t >> 1) & 1 : snat_ptr(t)->visible; }
static inline bool snat_named(snat_st t) { return snat_inl(t) ? (t >> 2) & 1 : snat_ptr(t)->named; }
static inline bool snat_extra(snat_st t) { return snat_inl(t) ? (t >> 3) & 1 : snat_ptr(t)->extra; }
static inline bool snat_missing(snat_st t) { return snat_inl(t) ? (t >> 5) & 1 : snat_ptr(t)->is_missing; }
static inline TSSymbol snat_symbol(snat_st t) { return snat_inl(t) ? (t >> 8) & 0xff : snat_ptr(t)->symbol; }

typedef struct { TSFieldId field_id; uint8_t child_index; bool inherited; } snat_field_entry;
typedef struct { uint16_t index; uint16_t length; } snat_field_slice;
typedef struct { bool visible; bool named; bool supertype; } snat_symbol_metadata;

// the start of TSLanguage (parser.h, language ABI 14)
typedef struct {
	uint32_t version, symbol_count, alias_count, token_count, external_token_count,
		state_count, large_state_count, production_id_count, field_count;
	uint16_t max_alias_sequence_length;
	const uint16_t *parse_table;
	const uint16_t *small_parse_table;
	const uint32_t *small_parse_table_map;
	const void *parse_actions;
	const char *const *symbol_names;
	const char *const *field_names;
	const snat_field_slice *field_map_slices;
	const snat_field_entry *field_map_entries;
	const snat_symbol_metadata *symbol_metadata;
	const TSSymbol *public_symbol_map;
	const uint16_t *alias_map;
	const TSSymbol *alias_sequences;
} snat_language;

// the start of TSTree (tree.h)
typedef struct { snat_subtree root; const snat_language *language; } snat_tree;

typedef struct TSLanguage TSLanguage;
uint32_t ts_language_version(const TSLanguage *self);
uint32_t ts_language_symbol_count(const TSLanguage *self);
uint32_t ts_language_field_count(const TSLanguage *self);
const char *ts_language_symbol_name(const TSLanguage *self, TSSymbol symbol);
int ts_language_symbol_type(const TSLanguage *self, TSSymbol symbol); // 0: TSSymbolTypeRegular
const char *ts_language_field_name_for_id(const TSLanguage *self, TSFieldId id);
const TSLanguage *ts_tree_language(const TSTree *self);

static inline snat_length snat_padding(snat_st t);
static inline snat_length snat_size(snat_st t);

// snat_st_ok reports whether the shifts of snat_st read what the union's
// bitfields hold, on two inline leaves with every field set apart.
static bool snat_st_ok(void) {
	for (int v = 0; v < 2; v++) {
		snat_subtree u;
		__builtin_memset(&u, 0, sizeof u);
		u.data.is_inline = true;
		u.data.visible = v;
		u.data.named = !v;
		u.data.extra = v;
		u.data.has_changes = !v;
		u.data.is_missing = v;
		u.data.is_keyword = !v;
		u.data.symbol = v ? 0xab : 0x54;
		u.data.parse_state = v ? 0x1234 : 0xedcb;
		u.data.padding_columns = v ? 0xcd : 0x32;
		u.data.padding_rows = v ? 0x9 : 0x6;
		u.data.lookahead_bytes = v ? 0x6 : 0x9;
		u.data.padding_bytes = v ? 0xef : 0x10;
		u.data.size_bytes = v ? 0x7a : 0x85;
		snat_st t = snat_load(&u);
		if (!snat_inl(t) || snat_visible(t) != u.data.visible || snat_named(t) != u.data.named ||
			snat_extra(t) != u.data.extra || snat_missing(t) != u.data.is_missing ||
			snat_symbol(t) != u.data.symbol) {
			return false;
		}
		snat_length pad = snat_padding(t), size = snat_size(t);
		if (pad.bytes != u.data.padding_bytes || pad.extent.row != u.data.padding_rows ||
			pad.extent.column != u.data.padding_columns || size.bytes != u.data.size_bytes ||
			size.extent.row != 0 || size.extent.column != u.data.size_bytes) {
			return false;
		}
	}
	return true;
}

// snat_layout_ok reports whether the mirrored headers agree with what the
// public API tells of tree and its language.
static bool snat_layout_ok(const TSTree *ctree) {
	const snat_tree *tree = (const snat_tree *)ctree;
	const TSLanguage *pub = ts_tree_language(ctree);
	const snat_language *l = tree->language;
	if ((const void *)l != (const void *)pub || ts_language_version(pub) != 14 || l->version != 14 ||
		l->symbol_count + l->alias_count != ts_language_symbol_count(pub) ||
		l->field_count != ts_language_field_count(pub)) {
		return false;
	}
	for (uint32_t i = 0; i < l->symbol_count + l->alias_count; i++) {
		snat_symbol_metadata m = l->symbol_metadata[i];
		if (l->symbol_names[i] != ts_language_symbol_name(pub, (TSSymbol)i) ||
			(m.named && m.visible) != (ts_language_symbol_type(pub, (TSSymbol)i) == 0)) {
			return false;
		}
	}
	for (uint32_t i = 1; i <= l->field_count; i++) {
		if (l->field_names[i] != ts_language_field_name_for_id(pub, (TSFieldId)i)) return false;
	}
	TSNode root = ts_tree_root_node(ctree);
	snat_st t = snat_load(&tree->root);
	return snat_st_ok() && root.id == (const void *)&tree->root &&
		ts_node_end_byte(root) == snat_padding(t).bytes + snat_size(t).bytes;
}

static inline snat_length snat_add(snat_length a, snat_length b) {
	snat_length r;
	r.bytes = a.bytes + b.bytes;
	if (b.extent.row > 0) {
		r.extent.row = a.extent.row + b.extent.row;
		r.extent.column = b.extent.column;
	} else {
		r.extent.row = a.extent.row;
		r.extent.column = a.extent.column + b.extent.column;
	}
	return r;
}

static inline snat_length snat_padding(snat_st t) {
	if (snat_inl(t)) {
		snat_length r = {(t >> 48) & 0xff, {(t >> 40) & 0xf, (t >> 32) & 0xff}};
		return r;
	}
	return snat_ptr(t)->padding;
}

static inline snat_length snat_size(snat_st t) {
	if (snat_inl(t)) {
		snat_length r = {t >> 56, {0, t >> 56}};
		return r;
	}
	return snat_ptr(t)->size;
}

// a subtree whose children are being copied
typedef struct {
	const snat_subtree *kids;   // its children (they precede its heap data)
	const TSSymbol *aliases;    // the alias sequence of its production, or 0
	snat_length pos;            // start of the next child
	uint32_t i, count, structural;
	uint16_t production;
	bool visible;               // a node of its own; fields look through hidden ones
	bool extra;
	uint32_t own_structural;    // its structural index in its parent
	int32_t out;                // flat index of the nearest copied ancestor (itself when copied)
} snat_frame;

typedef struct {
	snat_frame *at, *heap;
	int64_t cap, depth;
} snat_stack;

// snat_enter pushes a frame for the children of t (a subtree with
// children) at pos; false when out of memory.
static bool snat_enter(snat_stack *s, const snat_language *l, snat_st t, snat_length pos,
	bool visible, bool extra, uint32_t own_structural, int32_t out) {
	if (s->depth == s->cap) {
		int64_t nc = s->cap * 2;
		snat_frame *nf = (snat_frame *)__builtin_malloc(sizeof(snat_frame) * nc);
		if (!nf) return false;
		for (int64_t i = 0; i < s->depth; i++) nf[i] = s->at[i];
		if (s->heap) __builtin_free(s->heap);
		s->heap = nf; s->at = nf; s->cap = nc;
	}
	snat_frame *f = &s->at[s->depth++];
	const snat_heap *h = snat_ptr(t);
	uint16_t prod = h->production_id;
	f->kids = (const snat_subtree *)h - h->child_count;
	f->aliases = prod ? &l->alias_sequences[prod * l->max_alias_sequence_length] : 0;
	f->pos = pos;
	f->i = 0;
	f->count = h->child_count;
	f->structural = 0;
	f->production = prod;
	f->visible = visible;
	f->extra = extra;
	f->own_structural = own_structural;
	f->out = out;
	return true;
}

// snat_field is ts_tree_cursor_current_field_id for a child with
// structural index sidx of the top frame: the first non-inherited field
// map entry naming it, looking up through hidden parents.
static uint16_t snat_field(const snat_language *l, const snat_stack *s, uint32_t sidx, bool extra) {
	if (extra || l->field_count == 0) return 0;
	for (int64_t j = s->depth - 1; j >= 0; j--) {
		const snat_frame *f = &s->at[j];
		snat_field_slice sl = l->field_map_slices[f->production];
		const snat_field_entry *e = &l->field_map_entries[sl.index], *end = e + sl.length;
		for (; e < end; e++) {
			if (!e->inherited && e->child_index == sidx) return e->field_id;
		}
		if (f->visible || f->extra) return 0;
		sidx = f->own_structural;
	}
	return 0;
}

// the node snat_next found
typedef struct {
	snat_st t;
	snat_length pos;
	TSSymbol alias;
	uint32_t sidx;     // structural index in its parent
	bool extra;
	int32_t parent;    // flat index of its nearest copied ancestor
} snat_at;

// snat_next moves to the next visible node in pre-order, entering hidden
// subtrees that have visible descendants and leaving finished frames: 1
// found, 0 done, -1 out of memory.
static int snat_next(snat_stack *s, const snat_language *l, snat_at *a) {
	while (s->depth > 0) {
		snat_frame *f = &s->at[s->depth - 1];
		if (f->i == f->count) {
			s->depth--;
			continue;
		}
		snat_st t = snat_load(&f->kids[f->i]);
		snat_length pos = f->pos;
		f->pos = snat_add(pos, snat_size(t));
		if (++f->i < f->count) f->pos = snat_add(f->pos, snat_padding(snat_load(&f->kids[f->i])));
		bool inl = snat_inl(t);
		bool visible = snat_visible(t);
		bool extra = snat_extra(t);
		TSSymbol alias = 0;
		uint32_t sidx = f->structural;
		if (!extra) {
			if (f->aliases) alias = f->aliases[sidx];
			f->structural++;
		}
		if (visible || alias) {
			a->t = t; a->pos = pos; a->alias = alias; a->sidx = sidx; a->extra = extra; a->parent = f->out;
			return 1;
		}
		if (!inl && snat_ptr(t)->child_count > 0 && snat_ptr(t)->visible_child_count > 0) {
			if (!snat_enter(s, l, t, pos, false, extra, sidx, f->out)) return -1;
		}
	}
	return 0;
}

// snat_flatten is snat_flatten_cursor over the subtrees.
static int64_t snat_flatten(const TSTree *ctree, snat_node *out, int64_t cap, const uint8_t *keep, uint32_t nkeep) {
	const snat_tree *tree = (const snat_tree *)ctree;
	const snat_language *l = tree->language;
	bool has_error = ts_node_has_error(ts_tree_root_node(ctree));
	snat_frame local[256];
	snat_stack s = {local, 0, 256, 0};
	// the root, as ts_tree_root_node sees it
	snat_st root_st = snat_load(&tree->root);
	snat_at a = {root_st, snat_padding(root_st), 0, 0, false, -1};
	int64_t n = 0;
	for (bool root = true;; root = false) {
		snat_st t = a.t;
		bool inl = snat_inl(t);
		TSSymbol raw = a.alias ? a.alias : snat_symbol(t);
		TSSymbol sym = raw == SNAT_SYM_ERROR ? raw : l->public_symbol_map[raw];
		uint8_t k = sym < nkeep ? keep[sym] : 0;
		bool named = sym < nkeep ? (k & 8) != 0
			: (a.alias ? l->symbol_metadata[a.alias].named : snat_named(t));
		bool missing = has_error && snat_missing(t);
		if (snat_take(k, named, missing)) {
			if (n < cap) {
				snat_length end = snat_add(a.pos, snat_size(t));
				snat_put(out, n, a.parent, sym, root ? 0 : snat_field(l, &s, a.sidx, a.extra),
					missing, a.pos.bytes, end.bytes, a.pos.extent, end.extent);
			}
			n++;
			// descend into copied nodes only
			if (!(k & 2) && !inl && snat_ptr(t)->child_count > 0 &&
				!snat_enter(&s, l, t, a.pos, true, a.extra, a.sidx, n - 1 < cap ? (int32_t)(n - 1) : -1)) {
				n = -1;
				break;
			}
		}
		int r = snat_next(&s, l, &a);
		if (r <= 0) {
			if (r < 0) n = -1;
			break;
		}
	}
	if (s.heap) __builtin_free(s.heap);
	return n;
}

#else

static bool snat_layout_ok(const TSTree *tree) { return false; }

static int64_t snat_flatten(const TSTree *tree, snat_node *out, int64_t cap, const uint8_t *keep, uint32_t nkeep) {
	return snat_flatten_cursor(tree, out, cap, keep, nkeep);
}

#endif
*/
import "C"

import (
	"context"
	"sync"
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

const symError = C.SNAT_SYM_ERROR

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
	return b.copyNodes(t, srcLen, subtreesOK(), symBits)
}

// subtreesOK says whether snat_flatten may read tree-sitter's subtrees:
// the mirrored layouts agree with the public API on a parsed sample
// (checked once, when the first file is copied).
var subtreesOK = sync.OnceValue(func() bool {
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(python.GetLanguage())
	tree, err := p.ParseCtx(context.Background(), nil, []byte("import os\nx = os.f(1)\n"))
	if err != nil {
		return false
	}
	defer tree.Close()
	return bool(C.snat_layout_ok(cTree(tree)))
})

// copyNodes copies the nodes of t that bits selects (see symBits) into b,
// from the subtrees or, when subtrees is false, with the public cursor.
func (b *nodeBuf) copyNodes(t *sitter.Tree, srcLen int, subtrees bool, bits []uint8) []fnode {
	guess := max(b.cap, int64(srcLen/5+64))
	keep, nkeep := (*C.uint8_t)(unsafe.Pointer(&bits[0])), C.uint32_t(len(bits))
	for {
		if b.cap < guess {
			b.free()
			b.p = C.malloc(C.size_t(guess) * C.size_t(unsafe.Sizeof(fnode{})))
			if b.p == nil {
				panic("out of memory for the node copy")
			}
			b.cap = guess
		}
		var n int64
		if subtrees {
			n = int64(C.snat_flatten(cTree(t), (*C.snat_node)(b.p), C.int64_t(b.cap), keep, nkeep))
		} else {
			n = int64(C.snat_flatten_cursor(cTree(t), (*C.snat_node)(b.p), C.int64_t(b.cap), keep, nkeep))
		}
		if n < 0 {
			panic("out of memory for the node copy")
		}
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
