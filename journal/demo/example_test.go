package demo_test

import (
	"fmt"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
)

func ExampleGenerate() {
	end := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	records := demo.Generate(30, 2, end)
	count := map[journal.Kind]int{}
	for _, r := range records {
		count[r.Kind]++
	}
	fmt.Println("first day:", records[0].Date)
	for _, k := range journal.Kinds {
		fmt.Printf("%s: %d\n", k, count[k])
	}
	// Output:
	// first day: 2026-10-29
	// entry: 30
	// gratitude: 25
	// checkin: 24
	// urge: 8
	// session: 26
	// pattern: 2
	// settings: 1
	// crisis: 1
	// medpreset: 2
}
