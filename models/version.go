package models

// PipelineVersion is the pipeline version written to every row and file. Bump it
// when extraction output changes, so rows of different releases can be told apart.
const PipelineVersion = "0.1.0"
