// Package models holds the row types of communique's output tables and the
// typed labels they use. Each struct is one table of ../shared/CONTRACT.md;
// its parquet tags are the Parquet schema, and docs/SCHEMA.md is generated
// from the same types. models imports no other package of the project.
package models
