//go:build snatlint_never

package fixsafe

var hClient2 = 2
