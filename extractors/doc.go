// Package extractors defines the document an extractor reads and annotates,
// and the Extractor interface the pipeline runs. Sub-packages hold the
// extractors themselves: segment (sentences, tokens, tags), entities
// (states, organizations, groups, officials, operations, places) and stances
// (commitments and positions).
//
// Extractors are synchronous and pure: they read a Doc, append rows to it and
// know nothing of workers, channels or files.
package extractors
