// Package stances extracts commitments (who binds itself to do what) and
// positions (who supports, opposes, calls on, welcomes, condemns or is
// concerned about what) from a segmented article whose entities are tagged.
//
// It runs after the entities extractor in the pipeline and reads a
// document's sentences, tagged tokens and mentions; it appends
// models.Commitment and models.Position rows (../shared/CONTRACT.md).
//
// The steps, one file each:
//
//   - tokens.go: the tokens as the rules see them: lower case, snowball stem,
//     cue roles (data/lexicon/cues.tsv), mention
//   - clause.go: verb groups ("had also decided", "would not stand") and clause ends
//   - subject.go: the subject noun phrase left of a verb, over parentheses
//     ("Niamey's rulers, led by General Tiani,"), modifiers and coordination
//   - actor.go: subjects resolved to entity ids: mentions, officials with their
//     state or body, collective nouns ("the participants" → the body the article
//     is about), back-references ("the kingdom"), pronouns, coordinated predicates
//   - speech.go: who says what ("said Zas", "according to", "X said that")
//   - trigger.go: triggers (data/lexicon/triggers.tsv) licensed by their part of
//     speech and complement, future modals ("will be rendered to"), headline
//     infinitives ("CSTO to provide"), obligations reported of others ("must")
//   - broad.go: with a model, more candidates: the other trigger words, CAMEO
//     verbs (data/lexicon/cameo.tsv) and verbs of a clause with an actor
//   - features.go: what the model reads of a candidate
//   - decide.go, model.go: the model decides (row or not, then modality or
//     stance, with a confidence); without one the rules' candidates are the rows
//   - rank.go: the model's actor ranker chooses each row's actor
//   - rows.go: spans, actions, topics, targets, conditions and the PLOVER and
//     CAMEO codes (data/lexicon/plover.tsv) of the rows
//   - train.go: candidates with their features and gold labels, for training
//     (package train, communique train)
//
// Language knowledge lives in data/lexicon; the rules name word classes and
// tags, never an article's phrases.
package stances
