package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// writeSecretFile writes data to path readable by the owner only, and
// syncs it: a recovery kit must not be left half-written or world-readable.
func writeSecretFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	// An existing file keeps its mode through O_TRUNC; tighten it.
	if err := f.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// kitPNG renders the recovery kit text as a printable black-on-white PNG.
func kitPNG(kit []byte) ([]byte, error) {
	ft, err := opentype.Parse(gomono.TTF)
	if err != nil {
		return nil, err
	}
	const size, dpi, margin = 11.0, 144.0, 96
	face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: dpi, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	lines := strings.Split(strings.TrimRight(string(kit), "\n"), "\n")
	m := face.Metrics()
	lineH := (m.Height * 13 / 10).Ceil()
	var width int
	for _, l := range lines {
		width = max(width, font.MeasureString(face, l).Ceil())
	}
	img := image.NewRGBA(image.Rect(0, 0, width+2*margin, len(lines)*lineH+2*margin))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	d := &font.Drawer{Dst: img, Src: image.NewUniform(color.Black), Face: face}
	for i, l := range lines {
		d.Dot = fixed.P(margin, margin+i*lineH+m.Ascent.Ceil())
		d.DrawString(l)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// saveKitDialog asks where to save the kit and writes it there, 0600.
// render turns the kit into the file's bytes (text as is, or a PNG).
func saveKitDialog(w fyne.Window, name string, render func() ([]byte, error), saved func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		wc.Close()
		data, err := render()
		if err == nil {
			err = writeSecretFile(path, data)
		}
		if err != nil {
			dialog.ShowError(fmt.Errorf("%s: %w", lang.X("kit.savefailed", "The recovery kit could not be saved"), err), w)
			return
		}
		saved(path)
	}, w)
	d.SetFileName(name)
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}
