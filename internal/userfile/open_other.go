//go:build !unix

package userfile

const openFlags = 0
