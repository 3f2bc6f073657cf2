// Package stances extracts commitments (who binds itself to do what) and
// positions (who supports, opposes, calls on, welcomes, condemns or is
// concerned about what) from a segmented article whose entities are tagged.
package stances
