package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/communique/communique/data"
)

// dataEnv names the environment variable that gives --data's default.
const dataEnv = "COMMUNIQUE_DATA"

// registerData adds --data to a command's flags.
func registerData(fs *flag.FlagSet, dir *string) {
	fs.StringVar(dir, "data", os.Getenv(dataEnv), "`directory` of data tables laid out as data/ (gazetteer/orgs.tsv, gazetteer/officials.tsv, ...) whose rows are added to the embedded ones at start-up, without rebuilding (default: $"+dataEnv+")")
}

// useData overlays the embedded tables with the directory's, when one is
// given; it must run before the analyzer is built.
func useData(dir string) error {
	if dir == "" {
		data.SetOverlay(nil)
		return nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return usageError{fmt.Sprintf("--data: %v", err)}
	}
	if !st.IsDir() {
		return usageError{fmt.Sprintf("--data %s: not a directory", dir)}
	}
	data.SetOverlay(os.DirFS(dir))
	return nil
}
