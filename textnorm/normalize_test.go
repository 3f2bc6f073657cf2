package textnorm_test

import (
	"testing"

	"github.com/communique/communique/textnorm"
)

func FuzzNormalize(f *testing.F) {
	f.Add("Caf\u0065\u0301 \xff in Kabul\u00a0")
	f.Fuzz(func(t *testing.T, s string) {
		out, _ := textnorm.Normalize(s)
		again, repaired := textnorm.Normalize(out)
		if again != out || repaired {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}
