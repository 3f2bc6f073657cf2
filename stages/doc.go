// Package stages is the analysis of one article: segmentation and the
// extractors (see package extractors), built once per process by
// NewAnalyzer and shared by the workers of a run.
package stages
