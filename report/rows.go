package report

import "github.com/communique/communique/models"

// The projections of the tables a report reads: only these columns are
// read, so the report keeps working when a schema version adds columns.

type articleRow struct {
	ArticleID string       `parquet:"article_id"`
	Title     string       `parquet:"title"`
	Published *models.Date `parquet:"published,optional,date"`
	Source    string       `parquet:"source"`
}

type sentenceRow struct {
	ArticleID string `parquet:"article_id"`
}

type sentenceText struct {
	ArticleID string `parquet:"article_id"`
	Text      string `parquet:"text"`
}

type entityRow struct {
	ArticleID     string       `parquet:"article_id"`
	Text          string       `parquet:"text"`
	Label         models.Label `parquet:"label"`
	CanonicalID   string       `parquet:"canonical_id"`
	CanonicalName string       `parquet:"canonical_name"`
}

type commitmentRow struct {
	ArticleID  string          `parquet:"article_id"`
	ActorIDs   []string        `parquet:"actor_ids,list"`
	ActorText  string          `parquet:"actor_text"`
	Action     string          `parquet:"action"`
	TargetIDs  []string        `parquet:"target_ids,list"`
	TargetText string          `parquet:"target_text"`
	Modality   models.Modality `parquet:"modality"`
	Negated    bool            `parquet:"negated"`
	Trigger    string          `parquet:"trigger"`
	Evidence   string          `parquet:"evidence"`
	EventDate  *models.Date    `parquet:"event_date,optional,date"` // null in files before schema 1.2.0
}

type positionRow struct {
	ArticleID  string        `parquet:"article_id"`
	ActorIDs   []string      `parquet:"actor_ids,list"`
	ActorText  string        `parquet:"actor_text"`
	Stance     models.Stance `parquet:"stance"`
	Topic      string        `parquet:"topic"`
	TargetIDs  []string      `parquet:"target_ids,list"`
	TargetText string        `parquet:"target_text"`
	Negated    bool          `parquet:"negated"`
	Trigger    string        `parquet:"trigger"`
	Evidence   string        `parquet:"evidence"`
}

type errorRow struct {
	Source    string  `parquet:"source"`
	Line      *int32  `parquet:"line,optional"`
	ArticleID *string `parquet:"article_id,optional"`
	Stage     string  `parquet:"stage"`
	Error     string  `parquet:"error"`
	Severity  string  `parquet:"severity"`
}
