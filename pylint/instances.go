package pylint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// instances.go: phase 1 of "calls on instances of known classes"
// (design.md): which class a local, an attribute of self or a module-level
// name holds, so that m.send() after m = Manager(), Manager().send(),
// self.prices.fetch() and price_service.fetch() can be followed into the
// class's methods in phase 2.

// calleeText is the dotted text of callee n as phase 2 resolves it. A
// receiver that is a local bound to a call's result is written as that
// call ("m.send" after m = Manager() becomes "Manager().send"), and so is
// a call's result used directly (Manager().send). Any other local or
// parameter root gives "" unless keep (decorators and registrations keep
// the name: phase 2 then looks for the framework by the file's imports).
func (w *walker) calleeText(n int32, st *state, keep bool) string {
	text, local := w.callee(n, st)
	if local && !keep {
		return ""
	}
	return text
}

// callee is calleeText(n, st, true), and whether its root is a local or
// a parameter, which calleeText without keep drops.
func (w *walker) callee(n int32, st *state) (text string, local bool) {
	if n < 0 {
		return "", false
	}
	f := w.fnSum(st)
	text = w.dotted(n)
	if text == "" {
		// a method of a call's result: Manager().send
		if w.typ(n) != "attribute" {
			return "", false
		}
		obj, attr := w.field(n, fieldObject), w.field(n, fieldAttribute)
		if obj < 0 || attr < 0 || w.typ(obj) != "call" {
			return "", false
		}
		inner := w.calleeText(w.field(obj, fieldFunction), st, false)
		if inner == "" || strings.Contains(inner, "()") {
			return "", false
		}
		return inner + "()." + w.text(attr), false
	}
	root, rest, hasRest := strings.Cut(text, ".")
	if f.isModule || root == "self" || root == "cls" {
		return text, false
	}
	if _, isLocal := f.b.walk.locals[root]; !isLocal && !w.isParam(f, root) {
		return text, false
	}
	if c := f.b.walk.localCls.at(root); c != "" && c != "-" && hasRest {
		return c + "()." + rest, false
	}
	return text, true
}

// bindInstance records what an assignment binds to a class: a local
// (m = Manager()), an attribute of self in __init__ (self.x = X(...),
// self.x: X = ..., self.x = x where the parameter x is annotated X), or a
// class-body attribute with a value (x: X = ..., x = X(...)).
func (w *walker) bindInstance(n, left, right int32, st *state, d dest) {
	f := w.fnSum(st)
	callee := ""
	if right >= 0 && w.typ(right) == "call" {
		callee = w.dotted(w.field(right, fieldFunction))
		if root, _, _ := strings.Cut(callee, "."); callee != "" && !f.isModule {
			if _, isLocal := f.b.walk.locals[root]; isLocal || w.isParam(f, root) || root == "self" || root == "cls" {
				callee = ""
			}
		}
	}
	if w.typ(left) == "identifier" && d.kind == dLocal && st.class < 0 {
		if callee != "" {
			bind(&f.b.walk.localCls, w.text(left), callee)
		}
		return
	}
	cls, attr := -1, ""
	switch {
	case st.class >= 0 && w.typ(left) == "identifier":
		cls, attr = st.class, w.text(left)
	case w.typ(left) == "attribute" && f.name == "__init__" && f.class >= 0:
		if obj := w.field(left, fieldObject); obj >= 0 && w.typ(obj) == "identifier" && w.textIs(obj, "self") {
			if a := w.field(left, fieldAttribute); a >= 0 {
				cls, attr = int(f.class), w.text(a)
			}
		}
	}
	if cls < 0 || right < 0 {
		return
	}
	t := ""
	if ty := w.field(n, fieldType); ty >= 0 {
		t = w.annotation(ty)
	} else if callee != "" {
		t = callee
	} else if w.typ(right) == "identifier" {
		for i, p := range f.params {
			if w.textIs(right, p) && i < len(f.b.paramAnn) {
				t = f.b.paramAnn[i]
			}
		}
	}
	if t == "" {
		return
	}
	c := w.fs.classes[cls]
	bind(&c.attrs, attr, t)
}

// capWord reports whether a dotted name ends in a CapWords name, as
// classes are named: only those are kept as instance receivers (a
// logging.getLogger() result is not followed).
func capWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(lastPart(s))
	return unicode.IsUpper(r)
}
