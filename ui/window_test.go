package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakePlacer stands in for the X11 placer.
type fakePlacer struct {
	x, y  int
	known bool
	moves [][2]int
}

func (p *fakePlacer) Position(fyne.Window) (int, int, bool) { return p.x, p.y, p.known }
func (p *fakePlacer) Move(_ fyne.Window, x, y int)          { p.moves = append(p.moves, [2]int{x, y}) }

func TestWindowState(t *testing.T) {
	tests := []struct {
		name      string
		size      fyne.Size
		placer    *fakePlacer
		wantSize  fyne.Size
		wantMoves [][2]int
	}{
		{"size and position come back on the next start", fyne.NewSize(800, 600), &fakePlacer{x: 120, y: 80, known: true}, fyne.NewSize(800, 600), [][2]int{{120, 80}}},
		{"a position at the origin is a position too", fyne.NewSize(1100, 720), &fakePlacer{known: true}, fyne.NewSize(1100, 720), [][2]int{{0, 0}}},
		{"an unknown position is not saved, so the window manager places it", fyne.NewSize(800, 600), &fakePlacer{}, fyne.NewSize(800, 600), nil},
		{"without a placer only the size is kept", fyne.NewSize(700, 500), nil, fyne.NewSize(700, 500), nil},
		{"a window shrunk to nothing is not remembered that small", fyne.NewSize(50, 40), nil, defaultWindowSize, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fa := test.NewTempApp(t)
			opts := func() Options {
				o := Options{Run: InlineRunner, TickEvery: -1}
				if tt.placer != nil {
					o.Place = tt.placer
				}
				return o
			}
			first := New(fa, &fakeVaults{j: newFakeJournal(testPassphrase)}, opts())
			first.Show()
			if tt.placer != nil && len(tt.placer.moves) != 0 {
				t.Fatalf("the first start moved the window to %v", tt.placer.moves)
			}
			first.win.Resize(tt.size)
			first.Quit()

			second := New(fa, &fakeVaults{j: newFakeJournal(testPassphrase)}, opts())
			second.Show()
			if got := second.win.Canvas().Size(); got != tt.wantSize {
				t.Errorf("second start size %v, want %v", got, tt.wantSize)
			}
			if tt.placer != nil {
				if len(tt.placer.moves) != len(tt.wantMoves) || (len(tt.wantMoves) > 0 && tt.placer.moves[0] != tt.wantMoves[0]) {
					t.Errorf("moves %v, want %v", tt.placer.moves, tt.wantMoves)
				}
			}
			second.Quit()
		})
	}
}
