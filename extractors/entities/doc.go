// Package entities tags entity mentions in a segmented article: states,
// organizations, armed groups, officials, named operations and places, each
// with a canonical id (see ../shared/CONTRACT.md).
package entities
