//go:build linux && !wayland && cgo

package x11place

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"
)

// TestMain runs the tests on a private Xvfb display.
func TestMain(m *testing.M) {
	n := 140
	for ; n < 400; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); os.IsNotExist(err) {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); os.IsNotExist(err) {
				break
			}
		}
	}
	xvfb := exec.Command("Xvfb", fmt.Sprintf(":%d", n), "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
	if err := xvfb.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "x11place: Xvfb (installed by scripts/setup.sh):", err)
		os.Exit(1)
	}
	// Xvfb makes its socket when ready; wait for it rather than a fixed time.
	sock := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
	for i := 0; ; i++ {
		if _, err := os.Stat(sock); err == nil {
			break
		}
		if i > 500 {
			fmt.Fprintln(os.Stderr, "x11place: Xvfb did not start")
			xvfb.Process.Kill()
			os.Exit(1)
		}
		time.Sleep(10 * time.Millisecond)
	}
	os.Setenv("DISPLAY", fmt.Sprintf(":%d", n))
	code := m.Run()
	xvfb.Process.Kill()
	xvfb.Wait()
	os.Exit(code)
}

func TestMoveAndPosition(t *testing.T) {
	w := testWindow()
	if w == 0 {
		t.Fatal("could not make a window")
	}
	if x, y, ok := position(w); !ok || x != 10 || y != 20 {
		t.Fatalf("new window at %d, %d (%v), want 10, 20", x, y, ok)
	}
	tests := []struct {
		name         string
		x, y         int
		moved        bool
		wantX, wantY int
	}{
		{"a place on the screen is taken", 200, 100, true, 200, 100},
		{"the corner is a place too", 0, 0, true, 0, 0},
		{"a place off the right edge is refused", 1250, 100, false, 0, 0},
		{"a place below the screen is refused", 100, 790, false, 0, 0},
		{"a place above the screen is refused", 100, -50, false, 0, 0},
		{"a place that hides all but a sliver on the left is refused", -280, 100, false, 0, 0},
		{"partly off the left edge is fine", -100, 300, true, -100, 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wasX, wasY, _ := position(w)
			if got := move(w, tt.x, tt.y); got != tt.moved {
				t.Fatalf("move(%d, %d) = %v, want %v", tt.x, tt.y, got, tt.moved)
			}
			wantX, wantY := tt.wantX, tt.wantY
			if !tt.moved {
				wantX, wantY = wasX, wasY
			}
			if x, y, ok := position(w); !ok || x != wantX || y != wantY {
				t.Fatalf("window at %d, %d (%v), want %d, %d", x, y, ok, wantX, wantY)
			}
		})
	}
	if _, _, ok := position(0); ok {
		t.Error("position(0) claims to know where no window is")
	}
	if move(0, 10, 10) {
		t.Error("move(0) claims to have moved no window")
	}
}
