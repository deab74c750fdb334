//go:build !unix

package userfile

import "io/fs"

func keepOwner(string, fs.FileInfo) {}
