package use // want package:"relevant"

import "facts/lib"

func Wrap() { // want Wrap:"SNAT001 \\(error\\) via use.Wrap → lib.NewPooledClient → lib.NewTransport"
	lib.NewPooledClient()
}

func Recursive(n int) { // want Recursive:"SNAT002"
	if n > 0 {
		Recursive(n - 1)
	}
	lib.NewClient()
}

func quiet() { lib.Shared() }

var f = lib.NewClient

func viaPkgVar() { f() }

func viaLocal() { // want viaLocal:"SNAT002"
	g := lib.NewClient
	g()
}

func useLoop() { lib.LoopOnly(nil) }

func useGeneric() { // want useGeneric:"via use.useGeneric → lib.Generic"
	lib.Generic[int]()
}

func useBox() { // want useBox:"via use.useBox → lib.Box.Make"
	lib.Box[string]{}.Make()
}
