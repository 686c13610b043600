// Command benchtable reads `go test -bench` output on stdin and prints the
// results as a Markdown table, one row a benchmark, one column a metric
// (ns/op, B/op, and every b.ReportMetric unit), for the README and notes.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	type row struct {
		pkg, name string
		vals      map[string]string
	}
	var rows []row
	var units []string
	seen := map[string]bool{}
	pkg := ""
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimPrefix(p, "github.com/rewirejournal/rewire/")
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		r := row{pkg: pkg, name: f[0], vals: map[string]string{}}
		// f[1] is the iteration count; then value/unit pairs.
		for i := 2; i+1 < len(f); i += 2 {
			u := f[i+1]
			r.vals[u] = f[i]
			if !seen[u] {
				seen[u] = true
				units = append(units, u)
			}
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on stdin")
		os.Exit(1)
	}
	fmt.Printf("| package | benchmark | %s |\n", strings.Join(units, " | "))
	fmt.Printf("|---|---|%s\n", strings.Repeat("---:|", len(units)))
	for _, r := range rows {
		cells := make([]string, len(units))
		for i, u := range units {
			cells[i] = r.vals[u]
		}
		fmt.Printf("| %s | %s | %s |\n", r.pkg, r.name, strings.Join(cells, " | "))
	}
}
