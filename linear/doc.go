// Package linear is a small multiclass logistic regression over sparse
// binary features (feature strings), trained by AdaGrad stochastic gradient
// descent with L2 regularisation in a fixed, seeded order, so the same
// examples always give the same model.
//
// It knows nothing of the text it is used on: callers name their features
// and classes. A model is saved as plain text (Model.WriteTo, Read), sorted,
// so a retrained model diffs line by line.
package linear
