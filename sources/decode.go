package sources

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decodeBOM looks at the first bytes of an input: a UTF-8 byte order mark
// is dropped, and text with a UTF-16 byte order mark (little or big endian)
// is decoded to UTF-8 as it is read. Other input is returned unchanged.
func decodeBOM(br *bufio.Reader) *bufio.Reader {
	b, _ := br.Peek(3)
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		br.Discard(3)
		return br
	case len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF):
		// ExpectBOM reads the mark, picks the byte order from it and drops it.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	return br
}

// ctxReader reads from a stream that may block for ever (standard input, a
// FIFO, a character device) in a separate goroutine, so that a cancelled
// run returns at once instead of waiting for a writer. After cancellation
// the blocked read is abandoned: the process is about to exit.
type ctxReader struct {
	ctx  context.Context
	r    io.Reader
	busy chan readResult // the read in flight, if any
}

type readResult struct {
	b   []byte
	err error
}

func newCtxReader(ctx context.Context, r io.Reader) *ctxReader {
	return &ctxReader{ctx: ctx, r: r}
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if c.busy == nil {
		ch := make(chan readResult, 1)
		// The goroutine reads into its own buffer: after a cancellation it may
		// still be blocked, and must never write into p.
		buf := make([]byte, min(len(p), 64<<10))
		go func() {
			n, err := c.r.Read(buf)
			ch <- readResult{buf[:n], err}
		}()
		c.busy = ch
	}
	select {
	case res := <-c.busy:
		c.busy = nil
		n := copy(p, res.b)
		if n < len(res.b) {
			// p was smaller than the buffer read; keep the rest for the next Read.
			rest := res.b[n:]
			ch := make(chan readResult, 1)
			ch <- readResult{rest, nil}
			c.busy = ch
			return n, nil
		}
		return n, res.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}

// DefaultOpenWait is how long a run waits for a writer to open a FIFO given
// as input before it reports the FIFO as an error row.
const DefaultOpenWait = 5 * time.Second

// openStream opens a local input that is not a regular file (a FIFO, a
// character device, /dev/fd/N). Opening a FIFO blocks until a writer opens
// it: wait at most wait, and return early when ctx is cancelled.
func openStream(ctx context.Context, name string, wait time.Duration) (io.ReadCloser, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(name)
		ch <- opened{f, err}
	}()
	t := time.NewTimer(wait)
	defer t.Stop()
	var why error
	select {
	case o := <-ch:
		if o.err != nil {
			return nil, o.err
		}
		return o.f, nil
	case <-t.C:
		why = fmt.Errorf("%w within %s", ErrNoWriter, wait)
	case <-ctx.Done():
		why = ctx.Err()
	}
	// Release the blocked open: a writer that opens and closes at once
	// leaves the reader at end of input.
	releaseOpen(name)
	select {
	case o := <-ch:
		if o.f != nil {
			o.f.Close()
		}
	case <-time.After(time.Second):
		// Still blocked (not a FIFO?): leave the goroutine; the run goes on.
	}
	return nil, why
}
