package main

import (
	"bytes"
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/communique/communique/objstore/objstoretest"
)

// TestReport runs the samples, writes the report of the output through the
// lake's readers and checks the page, and the command's usage errors.
func TestReport(t *testing.T) {
	out := t.TempDir()
	o := runOptions{out: out, logFormat: "json", progress: "never", shard: -1}
	if err := runRun(context.Background(), o, &bytes.Buffer{}); err != nil {
		t.Fatalf("run = %v", err)
	}
	page := filepath.Join(t.TempDir(), "report.html")
	if err := dispatch(context.Background(), []string{"report", "--out", out, "--html", page}, &bytes.Buffer{}); err != nil {
		t.Fatalf("report = %v", err)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if err := dispatch(context.Background(), []string{"report", "--out", out, "--html", "-"}, &stdout); err != nil {
		t.Fatalf("report --html - = %v", err)
	}
	if !bytes.Equal(stdout.Bytes(), b) {
		t.Error("report --html - differs from the file written: want the same page")
	}
	html := string(b)
	for _, want := range []string{
		`<li><b>2</b>articles</li>`,
		`id="fig-tables"`, `id="fig-days"`, `id="fig-actors"`, `id="fig-targets"`, `id="fig-matrix"`, `id="fig-modality"`, `id="fig-errors"`,
		`id="table-positions"`, "No errors or warnings.",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"missing root", []string{"report", "--out", filepath.Join(out, "nonexistent"), "--html", "-"}, "nonexistent: no output here"},
		{"arguments", []string{"report", "--out", out, "extra"}, "report takes no arguments"},
		{"bad config", []string{"report", "--out", out, "--top", "1000"}, "top 1000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			err := dispatch(context.Background(), tc.args, &bytes.Buffer{})
			if code := exitCode(context.Background(), err, &stderr); code != exitUsage || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("communique %q: exit %d, %q; want %d and %q", tc.args, code, stderr.String(), exitUsage, tc.want)
			}
		})
	}
}

// TestReportObjectStore reads the same run from S3 as from disk: the pages
// are the same but for the root they name.
func TestReportObjectStore(t *testing.T) {
	s3 := objstoretest.NewFakeS3(t, "lake")
	local, remote := t.TempDir(), s3.URL("lake", "communique")
	pages := map[string]string{}
	for _, out := range []string{local, remote} {
		o := runOptions{out: out, logFormat: "json", progress: "never", shard: -1}
		if err := runRun(context.Background(), o, &bytes.Buffer{}); err != nil {
			t.Fatalf("run --out %s = %v", out, err)
		}
		var page bytes.Buffer
		if err := dispatch(context.Background(), []string{"report", "--out", out, "--html", "-"}, &page); err != nil {
			t.Fatalf("report --out %s = %v", out, err)
		}
		pages[out] = strings.ReplaceAll(page.String(), html.EscapeString(out), "ROOT")
	}
	if pages[local] != pages[remote] {
		t.Error("the report of a run on S3 differs from the report of the same run on disk")
	}
	if !strings.Contains(pages[remote], `<li><b>2</b>articles</li>`) {
		t.Error("the report of the S3 run does not count its 2 articles")
	}
}
