package pipeline

// Lock takes the output root's run lock, as Run does, and returns its release.
// Tools that change an output root outside a run (and tests) use it.
func Lock(root string) (unlock func(), err error) { return lock(root) }
