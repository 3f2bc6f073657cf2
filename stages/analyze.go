package stages

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/dates"
	"github.com/communique/communique/extractors/entities"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/models"
)

// Analyzer runs segmentation and the extractors on one article at a time.
// It holds the models built once per process and is safe for concurrent use.
type Analyzer struct {
	seg        *segment.Segmenter
	extractors []extractors.Extractor
}

// NewAnalyzer builds the segmenter and the default extractors: entities,
// then commitments and positions as the rules decide them (the stance
// model is opt-in: NewAnalyzerConfig). It is slow; build one and share it.
func NewAnalyzer() (*Analyzer, error) { return NewAnalyzerConfig(stances.Config{}) }

// NewAnalyzerConfig is NewAnalyzer with the stance extractor built as cfg says.
func NewAnalyzerConfig(cfg stances.Config) (*Analyzer, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, err
	}
	ents, err := entities.New()
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	st, err := stances.NewWith(cfg)
	if err != nil {
		return nil, fmt.Errorf("stances: %w", err)
	}
	dts, err := dates.NewExtractor()
	if err != nil {
		return nil, fmt.Errorf("dates: %w", err)
	}
	// Building the models leaves tens of MB of garbage (decoded model files);
	// return it to the OS now rather than carry it as resident memory.
	debug.FreeOSMemory()
	return NewAnalyzerWith(seg, ents, st, dts), nil
}

// DefaultMemoryLimit is the soft heap limit SetMemoryLimit sets.
const DefaultMemoryLimit = 160 << 20

// SetMemoryLimit sets the Go runtime's soft memory limit to
// DefaultMemoryLimit unless the GOMEMLIMIT environment variable sets one, so
// the garbage collector keeps the heap, and peak RSS, flat on long runs.
// Commands that run the pipeline call it once at start-up.
func SetMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
}

// NewAnalyzerWith returns an analyzer that runs the given extractors in order.
func NewAnalyzerWith(seg *segment.Segmenter, exts ...extractors.Extractor) *Analyzer {
	return &Analyzer{seg: seg, extractors: exts}
}

// WithStances returns a copy of the analyzer whose stance extractor is x: to
// score another model without rebuilding the rest.
func (an *Analyzer) WithStances(x *stances.Extractor) *Analyzer {
	exts := append([]extractors.Extractor(nil), an.extractors...)
	for i, e := range exts {
		if _, ok := e.(*stances.Extractor); ok {
			exts[i] = x
		}
	}
	return &Analyzer{seg: an.seg, extractors: exts}
}

// Analyze segments a.Text, which must be normalized, and runs the extractors.
func (an *Analyzer) Analyze(a models.Article) (*extractors.Doc, error) {
	return an.AnalyzeContext(context.Background(), a)
}

// AnalyzeContext is Analyze that stops with ctx's error once ctx is done:
// segmentation checks it at every sentence, the extractors through the
// document's Err, and the analyzer between extractors. A pipeline gives
// each article a context with its time budget, so an abandoned analysis
// ends soon after its budget instead of running on unseen.
func (an *Analyzer) AnalyzeContext(ctx context.Context, a models.Article) (*extractors.Doc, error) {
	sents, toks, err := an.seg.SegmentContext(ctx, a.Text)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("segment: %w", err)
	}
	d := extractors.NewDoc(a, sents, toks)
	d.SetContext(ctx)
	for _, x := range an.extractors {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := x.Extract(d); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("%T: %w", x, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return d, nil
}
