package models

import "time"

// SchemaVersion is the version of the output contract these rows implement.
// Bump it, and note why in CHANGELOG.md, when a key column is renamed or retyped.
const SchemaVersion = "1.0.0"

// Article is one input article: the articles table.
type Article struct {
	ArticleID       string     `parquet:"article_id" json:"article_id"`
	Title           string     `parquet:"title" json:"title"`
	Published       *time.Time `parquet:"published,optional,date" json:"published,omitempty"`
	Source          string     `parquet:"source,dict" json:"source"`
	URL             string     `parquet:"url" json:"url"`
	Lang            string     `parquet:"lang,dict" json:"lang"`
	Text            string     `parquet:"text" json:"text"`
	ContentSHA256   string     `parquet:"content_sha256" json:"content_sha256"`
	NSentences      int32      `parquet:"n_sentences" json:"n_sentences"`
	NTokens         int32      `parquet:"n_tokens" json:"n_tokens"`
	InputFile       string     `parquet:"input_file,dict" json:"input_file"`
	InputLine       *int32     `parquet:"input_line,optional" json:"input_line,omitempty"`
	PipelineVersion string     `parquet:"pipeline_version,dict" json:"pipeline_version"`
	RunID           string     `parquet:"run_id,dict" json:"run_id"`
}

// Sentence is one sentence of an article: the sentences table.
type Sentence struct {
	ArticleID     string `parquet:"article_id,dict" json:"article_id"`
	SentenceIndex int32  `parquet:"sentence_index" json:"sentence_index"`
	Start         int32  `parquet:"start" json:"start"`
	End           int32  `parquet:"end" json:"end"`
	Text          string `parquet:"text" json:"text"`
	NTokens       int32  `parquet:"n_tokens" json:"n_tokens"`
	RunID         string `parquet:"run_id,dict" json:"run_id"`
}

// Entity is one entity mention: the entities table.
type Entity struct {
	ArticleID     string  `parquet:"article_id,dict" json:"article_id"`
	SentenceIndex int32   `parquet:"sentence_index" json:"sentence_index"`
	Start         int32   `parquet:"start" json:"start"`
	End           int32   `parquet:"end" json:"end"`
	Text          string  `parquet:"text,dict" json:"text"`
	Label         Label   `parquet:"label,dict" json:"label"`
	CanonicalID   string  `parquet:"canonical_id,dict" json:"canonical_id"`
	CanonicalName string  `parquet:"canonical_name,dict" json:"canonical_name"`
	Role          *string `parquet:"role,optional,dict" json:"role,omitempty"`
	AffiliationID *string `parquet:"affiliation_id,optional,dict" json:"affiliation_id,omitempty"`
	Kind          *string `parquet:"kind,optional,dict" json:"kind,omitempty"`
	Method        string  `parquet:"method,dict" json:"method"`
	Confidence    float32 `parquet:"confidence" json:"confidence"`
	RunID         string  `parquet:"run_id,dict" json:"run_id"`
}

// Commitment is an actor binding itself to future action: the commitments table.
type Commitment struct {
	ArticleID     string   `parquet:"article_id,dict" json:"article_id"`
	SentenceIndex int32    `parquet:"sentence_index" json:"sentence_index"`
	Start         int32    `parquet:"start" json:"start"`
	End           int32    `parquet:"end" json:"end"`
	ActorIDs      []string `parquet:"actor_ids,list" json:"actor_ids"`
	ActorText     string   `parquet:"actor_text" json:"actor_text"`
	Action        string   `parquet:"action" json:"action"`
	TargetIDs     []string `parquet:"target_ids,list" json:"target_ids"`
	TargetText    string   `parquet:"target_text" json:"target_text"`
	Condition     *string  `parquet:"condition,optional" json:"condition,omitempty"`
	Modality      Modality `parquet:"modality,dict" json:"modality"`
	Negated       bool     `parquet:"negated" json:"negated"`
	SpeakerID     *string  `parquet:"speaker_id,optional,dict" json:"speaker_id,omitempty"`
	Trigger       string   `parquet:"trigger,dict" json:"trigger"`
	PloverType    string   `parquet:"plover_type,dict" json:"plover_type"`
	CameoCode     string   `parquet:"cameo_code,dict" json:"cameo_code"`
	Evidence      string   `parquet:"evidence" json:"evidence"`
	Confidence    float32  `parquet:"confidence" json:"confidence"`
	RunID         string   `parquet:"run_id,dict" json:"run_id"`
}

// Position is an actor's stance on a topic: the positions table.
type Position struct {
	ArticleID     string   `parquet:"article_id,dict" json:"article_id"`
	SentenceIndex int32    `parquet:"sentence_index" json:"sentence_index"`
	Start         int32    `parquet:"start" json:"start"`
	End           int32    `parquet:"end" json:"end"`
	ActorIDs      []string `parquet:"actor_ids,list" json:"actor_ids"`
	ActorText     string   `parquet:"actor_text" json:"actor_text"`
	Stance        Stance   `parquet:"stance,dict" json:"stance"`
	Topic         string   `parquet:"topic" json:"topic"`
	TargetIDs     []string `parquet:"target_ids,list" json:"target_ids"`
	Negated       bool     `parquet:"negated" json:"negated"`
	SpeakerID     *string  `parquet:"speaker_id,optional,dict" json:"speaker_id,omitempty"`
	Trigger       string   `parquet:"trigger,dict" json:"trigger"`
	PloverType    string   `parquet:"plover_type,dict" json:"plover_type"`
	CameoCode     string   `parquet:"cameo_code,dict" json:"cameo_code"`
	Evidence      string   `parquet:"evidence" json:"evidence"`
	Confidence    float32  `parquet:"confidence" json:"confidence"`
	RunID         string   `parquet:"run_id,dict" json:"run_id"`
}

// Error is an input, or part of one, that could not be processed: the errors table.
type Error struct {
	Source    string  `parquet:"source,dict" json:"source"`
	Line      *int32  `parquet:"line,optional" json:"line,omitempty"`
	ArticleID *string `parquet:"article_id,optional" json:"article_id,omitempty"`
	Stage     string  `parquet:"stage,dict" json:"stage"`
	Error     string  `parquet:"error" json:"error"`
	RunID     string  `parquet:"run_id,dict" json:"run_id"`
}
