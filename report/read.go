package report

import (
	"context"
	"errors"

	"github.com/communique/communique/lake"
)

// scanFunc calls fn with the rows of one table in batches, in the same
// order on every call; fn must not keep the batch. fn returning errEnough
// stops the scan without an error.
type scanFunc[T any] func(ctx context.Context, fn func([]T) error) error

// source is where a report reads its tables from: the committed files of an
// output root (lakeSource), or rows in memory in tests.
type source struct {
	articles    scanFunc[articleRow]
	sentences   scanFunc[sentenceRow]
	sentenceTxt scanFunc[sentenceText]
	entities    scanFunc[entityRow]
	commitments scanFunc[commitmentRow]
	positions   scanFunc[positionRow]
	errors      scanFunc[errorRow]
}

// errEnough stops a scan early: the rows wanted have been seen.
var errEnough = errors.New("enough rows")

// lakeSource reads the committed tables of the output root out.
func lakeSource(out string) source {
	return source{
		articles:    lakeScan[articleRow](out, lake.TableArticles),
		sentences:   lakeScan[sentenceRow](out, lake.TableSentences),
		sentenceTxt: lakeScan[sentenceText](out, lake.TableSentences),
		entities:    lakeScan[entityRow](out, lake.TableEntities),
		commitments: lakeScan[commitmentRow](out, lake.TableCommitments),
		positions:   lakeScan[positionRow](out, lake.TablePositions),
		errors:      lakeScan[errorRow](out, lake.TableErrors),
	}
}

func lakeScan[T any](out, table string) scanFunc[T] {
	return func(ctx context.Context, fn func([]T) error) error {
		err := lake.ReadTable(ctx, out, table, fn)
		if errors.Is(err, errEnough) {
			return nil
		}
		return err
	}
}

// each calls fn for every row of a scan.
func each[T any](ctx context.Context, scan scanFunc[T], fn func(*T) error) error {
	return scan(ctx, func(rows []T) error {
		for i := range rows {
			if err := fn(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
}
