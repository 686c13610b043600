// Command framepace measures the breathing guide's frame pacing in the
// real app driver: it shows the guide for a while and prints how far
// apart its frames ran on the UI goroutine. Run it on a desktop or under
// Xvfb:
//
//	go run -tags sqlite_fts5 ./scripts/framepace [-for 20s]
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"fyne.io/fyne/v2/app"

	"github.com/rewirejournal/rewire/ui"
)

func main() {
	d := flag.Duration("for", 20*time.Second, "how long to run the guide")
	flag.Parse()
	a := app.NewWithID("io.github.rewirejournal.rewire.framepace")
	code := 0
	ui.MeasureGuideFrames(a, *d, func(iv []time.Duration) {
		defer a.Quit()
		if len(iv) == 0 {
			fmt.Fprintln(os.Stderr, "framepace: no frames")
			code = 1
			return
		}
		slices.Sort(iv)
		q := func(p float64) time.Duration { return iv[min(len(iv)-1, int(p*float64(len(iv))))] }
		over := 0
		for _, x := range iv {
			if x > 50*time.Millisecond {
				over++
			}
		}
		fmt.Printf("frames %d  p50 %v  p99 %v  max %v  over 50 ms: %d\n",
			len(iv)+1, q(0.5).Round(time.Millisecond/10), q(0.99).Round(time.Millisecond/10), iv[len(iv)-1].Round(time.Millisecond/10), over)
	})
	a.Run()
	os.Exit(code)
}
