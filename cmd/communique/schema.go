package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/communique/communique/models"
)

func cmdSchema(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("schema")
	markdown := fs.Bool("markdown", false, "print the data dictionary as Markdown (docs/SCHEMA.md)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tables := models.Schema()
	if *markdown {
		_, err := io.WriteString(stdout, models.SchemaMarkdown(tables))
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(tables); err != nil {
		return fmt.Errorf("encode schema: %w", err)
	}
	return nil
}
