package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/communique/communique/extractors/stances"
)

// modelFlags are the flags of the commands that run the stance model.
type modelFlags struct {
	path    string  // a model file instead of the embedded one
	minConf float64 // rows below it are dropped; 0: the default
}

func (m *modelFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&m.path, "model", "", "let the stance model in `dir` decide commitments and positions (\"embedded\": the one in data/"+stances.ModelDir+"; default: the rules decide)")
	fs.Float64Var(&m.minConf, "min-confidence", stances.DefaultMinConfidence, "drop commitments and positions less confident than `p` (0 to 1)")
}

// config returns the stance extractor's configuration the flags ask for.
func (m *modelFlags) config() (stances.Config, error) {
	cfg := stances.Config{MinConfidence: m.minConf}
	if m.minConf < 0 || m.minConf > 1 {
		return cfg, usageError{fmt.Sprintf("--min-confidence %v: want a value from 0 to 1", m.minConf)}
	}
	if m.minConf == 0 {
		cfg.MinConfidence = -1 // keep every row
	}
	switch m.path {
	case "":
		return cfg, nil
	case "embedded":
		model, err := stances.EmbeddedModel()
		cfg.Model = model
		return cfg, err
	}
	model, err := stances.LoadModel(os.DirFS(m.path))
	if err != nil {
		return cfg, fmt.Errorf("%s: %w", m.path, err)
	}
	cfg.Model = model
	return cfg, nil
}
