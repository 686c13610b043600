// Command icons writes the application icon at the sizes desktops look
// for, in the hicolor icon-theme layout:
//
//	go run ./scripts/icons -png assets/icon.png -out DIR 16 24 32 48 64 128 256 512
//
// writes DIR/<n>x<n>/apps/<name>.png, scaled with Catmull-Rom from the
// 512 × 512 PNG that rsvg-convert rendered from assets/icon.svg (see the
// assets package). It starts from that PNG rather than the SVG because the
// pure-Go SVG renderer at hand (oksvg) draws neither rounded rectangles
// nor scaled strokes right.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/image/draw"
)

func main() {
	src := flag.String("png", "assets/icon.png", "the icon as a large square PNG `file`")
	out := flag.String("out", "icons", "output `dir` (hicolor layout)")
	name := flag.String("name", "io.github.rewirejournal.rewire", "icon `name`")
	flag.Parse()
	if err := run(*src, *out, *name, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "icons:", err)
		os.Exit(1)
	}
}

func run(src, out, name string, sizes []string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	big, err := png.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	b := big.Bounds()
	if b.Dx() != b.Dy() {
		return fmt.Errorf("%s is %d × %d, not square", src, b.Dx(), b.Dy())
	}
	for _, s := range sizes {
		n, err := strconv.Atoi(s)
		if err != nil || n < 8 || n > b.Dx() {
			return fmt.Errorf("bad size %q (8 to %d)", s, b.Dx())
		}
		img := image.NewNRGBA(image.Rect(0, 0, n, n))
		draw.CatmullRom.Scale(img, img.Bounds(), big, b, draw.Src, nil)
		dir := filepath.Join(out, fmt.Sprintf("%dx%d", n, n), "apps")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			return err
		}
		if err := png.Encode(w, img); err != nil {
			w.Close()
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
	return nil
}
