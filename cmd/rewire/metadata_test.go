package main

import (
	"os"
	"regexp"
	"testing"
)

// tomlDetail reads key = "value" (or a bare number) from a FyneApp.toml.
func tomlDetail(t *testing.T, path, key string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^` + key + `\s*=\s*"?([^"\n]*)"?\s*$`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s: no %s", path, key)
	}
	return string(m[1])
}

func TestMetadataAgreesEverywhere(t *testing.T) {
	files := []string{"FyneApp.toml", "../../FyneApp.toml"}
	tests := []struct{ key, inCode string }{
		{"ID", appID},
		{"Name", appName},
		{"Version", version},
	}
	for _, tt := range tests {
		for _, f := range files {
			if got := tomlDetail(t, f, tt.key); got != tt.inCode {
				t.Errorf("%s: %s = %q, main.go says %q", f, tt.key, got, tt.inCode)
			}
		}
	}
	for _, f := range files {
		icon := tomlDetail(t, f, "Icon")
		if _, err := os.Stat(icon); f == files[0] && err != nil {
			t.Errorf("%s: icon %s: %v", f, icon, err)
		}
		if _, err := os.Stat("../../" + icon); f == files[1] && err != nil {
			t.Errorf("%s: icon %s: %v", f, icon, err)
		}
	}
}
