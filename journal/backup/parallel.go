package backup

import "runtime"

// chunkSize is how many records one goroutine encodes or decodes at a time.
const chunkSize = 256

// inParallel calls fn for consecutive chunks [lo, hi) covering [0, n) on
// GOMAXPROCS goroutines and returns when all are done. progress, if not
// nil, is called on the calling goroutine with the number of items done
// as chunks finish, so callers' callbacks never run concurrently. JSON
// coding of records is most of a backup's time, and it parallelises.
func inParallel(n int, fn func(lo, hi int), progress func(done int)) {
	if n == 0 {
		return
	}
	type span struct{ lo, hi int }
	jobs := make(chan span)
	finished := make(chan int)
	for range min(runtime.GOMAXPROCS(0), (n+chunkSize-1)/chunkSize) {
		go func() {
			for s := range jobs {
				fn(s.lo, s.hi)
				finished <- s.hi - s.lo
			}
		}()
	}
	go func() {
		for lo := 0; lo < n; lo += chunkSize {
			jobs <- span{lo, min(lo+chunkSize, n)}
		}
		close(jobs)
	}()
	for done := 0; done < n; {
		done += <-finished
		if progress != nil {
			progress(done)
		}
	}
}
