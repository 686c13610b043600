//go:build !linux || android

package speaker

func quietLibrary() {}
