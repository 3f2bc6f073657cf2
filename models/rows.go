package models

// SchemaVersion is the version of the output schema these rows implement.
// Bump it, and note why in CHANGELOG.md, whenever a column is added, removed,
// renamed or retyped (the minor number for added columns): the next commit to
// an output root migrates the files of older versions to these row types (see
// lake/migrate.go), and TestSchemaVersion fails when the columns change and
// the version does not.
const SchemaVersion = "1.2.0"

// Article is one input article: the articles table.
type Article struct {
	ArticleID       string `parquet:"article_id" json:"article_id" doc:"Article id from the input (JSONL id, or the .txt file name), e.g. seed-000"`
	Title           string `parquet:"title" json:"title" doc:"Headline (JSONL title, or the first line of a .txt file)"`
	Published       *Date  `parquet:"published,optional,date" json:"published,omitempty" doc:"Publication date; null when the input gives none"`
	Source          string `parquet:"source,dict" json:"source" doc:"Publisher, e.g. TASS"`
	URL             string `parquet:"url" json:"url" doc:"Address of the original article; empty when unknown"`
	Lang            string `parquet:"lang,dict" json:"lang" doc:"Language code, e.g. en"`
	Text            string `parquet:"text" json:"text" doc:"Article text after normalization (NFC, invalid UTF-8 replaced); every offset points into it"`
	ContentSHA256   string `parquet:"content_sha256" json:"content_sha256" doc:"Hex SHA-256 of text: a changed article gets a new hash"`
	NSentences      int32  `parquet:"n_sentences" json:"n_sentences" doc:"Number of sentences"`
	NTokens         int32  `parquet:"n_tokens" json:"n_tokens" doc:"Number of tokens"`
	InputFile       string `parquet:"input_file,dict" json:"input_file" doc:"Input file the article was read from (sample:NAME for embedded samples, - for standard input)"`
	InputLine       *int32 `parquet:"input_line,optional" json:"input_line,omitempty" doc:"1-based line of a JSONL input; null for .txt"`
	PipelineVersion string `parquet:"pipeline_version,dict" json:"pipeline_version" doc:"communique version that produced the row"`
	RunID           string `parquet:"run_id,dict" json:"run_id" doc:"Run that wrote the row"`
}

// Sentence is one sentence of an article: the sentences table.
type Sentence struct {
	ArticleID     string `parquet:"article_id,dict" json:"article_id" doc:"Article the sentence belongs to"`
	ContentSHA256 string `parquet:"content_sha256,dict" json:"content_sha256,omitempty" doc:"Content hash of the article version the sentence was read from (articles.content_sha256): join on article_id and content_sha256"`
	SentenceIndex int32  `parquet:"sentence_index" json:"sentence_index" doc:"0-based position in the article"`
	Start         int32  `parquet:"start" json:"start" doc:"Code point offset of the first character in the article text"`
	End           int32  `parquet:"end" json:"end" doc:"Code point offset after the last character (exclusive)"`
	Text          string `parquet:"text" json:"text" doc:"The sentence: text[start:end]"`
	NTokens       int32  `parquet:"n_tokens" json:"n_tokens" doc:"Number of tokens"`
	RunID         string `parquet:"run_id,dict" json:"run_id" doc:"Run that wrote the row"`
}

// Entity is one entity mention: the entities table.
type Entity struct {
	ArticleID     string  `parquet:"article_id,dict" json:"article_id" doc:"Article the mention is in"`
	ContentSHA256 string  `parquet:"content_sha256,dict" json:"content_sha256,omitempty" doc:"Content hash of the article version the mention was read from (articles.content_sha256)"`
	SentenceIndex int32   `parquet:"sentence_index" json:"sentence_index" doc:"Sentence the mention is in"`
	Start         int32   `parquet:"start" json:"start" doc:"Code point offset of the mention"`
	End           int32   `parquet:"end" json:"end" doc:"Code point offset after the mention (exclusive)"`
	Text          string  `parquet:"text,dict" json:"text" doc:"The mention as written: text[start:end], e.g. Tajik"`
	Label         Label   `parquet:"label,dict" json:"label" doc:"STATE, ORG, GROUP, OFFICIAL, OPERATION or PLACE"`
	CanonicalID   string  `parquet:"canonical_id,dict" json:"canonical_id" doc:"Canonical id: ISO alpha-3 for states (TJK), upper-case ids for bodies (CSTO), upper snake case of the name otherwise (STANISLAV_ZAS)"`
	CanonicalName string  `parquet:"canonical_name,dict" json:"canonical_name" doc:"Canonical name, e.g. Tajikistan for Tajik"`
	Role          *string `parquet:"role,optional,dict" json:"role,omitempty" doc:"OFFICIAL only: title, e.g. Secretary-General"`
	AffiliationID *string `parquet:"affiliation_id,optional,dict" json:"affiliation_id,omitempty" doc:"OFFICIAL only: canonical id of the body or state served, e.g. CSTO"`
	Country       *string `parquet:"country,optional,dict" json:"country,omitempty" doc:"ISO alpha-3 code of the state the entity is, belongs to or serves (a state's own id; an official's or organ's state); null for international bodies and when unknown"`
	Sector        *string `parquet:"sector,optional,dict" json:"sector,omitempty" doc:"CAMEO actor sector code: GOV for states and their governments, IGO, LEG, JUD, MIL, PTY, REB, MED, BUS, NGO ...; a state's mention before an agent noun takes the noun's (\"Iranian protesters\": OPP, \"Iran's army\": MIL); null when unknown"`
	Kind          *string `parquet:"kind,optional,dict" json:"kind,omitempty" doc:"OPERATION only: operation, exercise or mission"`
	Method        string  `parquet:"method,dict" json:"method" doc:"How it was found, e.g. gazetteer, demonym, acronym, title, coreference, quoted-name"`
	Confidence    float32 `parquet:"confidence" json:"confidence" doc:"Confidence in [0, 1]"`
	RunID         string  `parquet:"run_id,dict" json:"run_id" doc:"Run that wrote the row"`
}

// Commitment is an actor binding itself to future action: the commitments table.
type Commitment struct {
	ArticleID       string   `parquet:"article_id,dict" json:"article_id" doc:"Article the commitment is in"`
	ContentSHA256   string   `parquet:"content_sha256,dict" json:"content_sha256,omitempty" doc:"Content hash of the article version the commitment was read from (articles.content_sha256)"`
	SentenceIndex   int32    `parquet:"sentence_index" json:"sentence_index" doc:"Sentence the commitment is in"`
	Start           int32    `parquet:"start" json:"start" doc:"Code point offset of the clause (trigger and object)"`
	End             int32    `parquet:"end" json:"end" doc:"Code point offset after the clause (exclusive)"`
	ActorIDs        []string `parquet:"actor_ids,list" json:"actor_ids" doc:"Canonical ids of who commits, e.g. [CSTO]"`
	ActorCountries  []string `parquet:"actor_countries,list" json:"actor_countries" doc:"ISO alpha-3 codes of the actors' states, through officials' and organs' affiliations, sorted; empty for international bodies"`
	ActorSectors    []string `parquet:"actor_sectors,list" json:"actor_sectors" doc:"CAMEO sector codes of the actors (GOV, IGO, MIL, LEG, PTY, REB ...), sorted: an actor named in the row's actor phrase has that mention's (\"Iranian protesters\": OPP), another its first mention's own"`
	ActorText       string   `parquet:"actor_text" json:"actor_text" doc:"The actor as written, e.g. the association members"`
	Action          string   `parquet:"action" json:"action" doc:"What is promised, as a short predicate, e.g. provide assistance"`
	TargetIDs       []string `parquet:"target_ids,list" json:"target_ids" doc:"Canonical ids the commitment is addressed to or about, e.g. [TJK]"`
	TargetCountries []string `parquet:"target_countries,list" json:"target_countries" doc:"ISO alpha-3 codes of the targets' states, as actor_countries, sorted"`
	TargetText      string   `parquet:"target_text" json:"target_text" doc:"The object as written"`
	Condition       *string  `parquet:"condition,optional" json:"condition,omitempty" doc:"Stated condition, e.g. in case of aggravation of the situation; null when none"`
	Modality        Modality `parquet:"modality,dict" json:"modality" doc:"pledge, agreement, readiness, plan, reaffirmation or threat"`
	Negated         bool     `parquet:"negated" json:"negated" doc:"True when the actor binds itself not to act, or refuses to"`
	SpeakerID       *string  `parquet:"speaker_id,optional,dict" json:"speaker_id,omitempty" doc:"Who reported it, when it is reported speech (said Zas: STANISLAV_ZAS); null otherwise"`
	Trigger         string   `parquet:"trigger,dict" json:"trigger" doc:"The word or phrase that signalled the commitment, e.g. agreed"`
	PloverType      string   `parquet:"plover_type,dict" json:"plover_type" doc:"PLOVER event type, e.g. AGREE"`
	CameoCode       string   `parquet:"cameo_code,dict" json:"cameo_code" doc:"CAMEO event code, e.g. 033"`
	Evidence        string   `parquet:"evidence" json:"evidence" doc:"The sentence the row was read from"`
	EventDate       *Date    `parquet:"event_date,optional,date" json:"event_date,omitempty" doc:"Day the event happened or is due: a date, weekday or relative day in the sentence resolved against published (held on Wednesday), else published; null when neither"`
	EventDateSource *string  `parquet:"event_date_source,optional,dict" json:"event_date_source,omitempty" doc:"Where event_date comes from: text (the sentence) or published (the article's date); null when there is no date"`
	Confidence      float32  `parquet:"confidence" json:"confidence" doc:"Confidence in [0, 1]"`
	RunID           string   `parquet:"run_id,dict" json:"run_id" doc:"Run that wrote the row"`
}

// Position is an actor's stance on a topic: the positions table.
type Position struct {
	ArticleID       string   `parquet:"article_id,dict" json:"article_id" doc:"Article the position is in"`
	ContentSHA256   string   `parquet:"content_sha256,dict" json:"content_sha256,omitempty" doc:"Content hash of the article version the position was read from (articles.content_sha256)"`
	SentenceIndex   int32    `parquet:"sentence_index" json:"sentence_index" doc:"Sentence the position is in"`
	Start           int32    `parquet:"start" json:"start" doc:"Code point offset of the clause (trigger and object)"`
	End             int32    `parquet:"end" json:"end" doc:"Code point offset after the clause (exclusive)"`
	ActorIDs        []string `parquet:"actor_ids,list" json:"actor_ids" doc:"Canonical ids of who takes the stance, e.g. [CSTO]"`
	ActorCountries  []string `parquet:"actor_countries,list" json:"actor_countries" doc:"ISO alpha-3 codes of the actors' states, through officials' and organs' affiliations, sorted; empty for international bodies"`
	ActorSectors    []string `parquet:"actor_sectors,list" json:"actor_sectors" doc:"CAMEO sector codes of the actors (GOV, IGO, MIL, LEG, PTY, REB ...), sorted: an actor named in the row's actor phrase has that mention's (\"Iranian protesters\": OPP), another its first mention's own"`
	ActorText       string   `parquet:"actor_text" json:"actor_text" doc:"The actor as written"`
	Stance          Stance   `parquet:"stance,dict" json:"stance" doc:"SUPPORT, OPPOSE, CALL, CONCERN, WELCOME or CONDEMN"`
	Topic           string   `parquet:"topic" json:"topic" doc:"What the stance is about, e.g. refrain from armed confrontation"`
	TargetIDs       []string `parquet:"target_ids,list" json:"target_ids" doc:"Canonical ids the stance is addressed to or about"`
	TargetCountries []string `parquet:"target_countries,list" json:"target_countries" doc:"ISO alpha-3 codes of the targets' states, as actor_countries, sorted"`
	Negated         bool     `parquet:"negated" json:"negated" doc:"True when the stance is denied (did not condemn)"`
	SpeakerID       *string  `parquet:"speaker_id,optional,dict" json:"speaker_id,omitempty" doc:"Who reported it, when it is reported speech; null otherwise"`
	Trigger         string   `parquet:"trigger,dict" json:"trigger" doc:"The word or phrase that signalled the stance, e.g. called on"`
	PloverType      string   `parquet:"plover_type,dict" json:"plover_type" doc:"PLOVER event type, e.g. DEMAND"`
	CameoCode       string   `parquet:"cameo_code,dict" json:"cameo_code" doc:"CAMEO event code (three or four digits), e.g. 100"`
	Evidence        string   `parquet:"evidence" json:"evidence" doc:"The sentence the row was read from"`
	EventDate       *Date    `parquet:"event_date,optional,date" json:"event_date,omitempty" doc:"Day the event happened or is due: a date, weekday or relative day in the sentence resolved against published (held on Wednesday), else published; null when neither"`
	EventDateSource *string  `parquet:"event_date_source,optional,dict" json:"event_date_source,omitempty" doc:"Where event_date comes from: text (the sentence) or published (the article's date); null when there is no date"`
	Confidence      float32  `parquet:"confidence" json:"confidence" doc:"Confidence in [0, 1]"`
	RunID           string   `parquet:"run_id,dict" json:"run_id" doc:"Run that wrote the row"`
}

// Error is an input, or part of one, that could not be processed: the errors table.
type Error struct {
	Source        string  `parquet:"source,dict" json:"source" doc:"Input file (or pattern) that failed"`
	Line          *int32  `parquet:"line,optional" json:"line,omitempty" doc:"1-based JSONL line; null for whole files"`
	ArticleID     *string `parquet:"article_id,optional" json:"article_id,omitempty" doc:"Article id when known; null otherwise"`
	ContentSHA256 *string `parquet:"content_sha256,optional" json:"content_sha256,omitempty" doc:"Content hash of the article version (articles.content_sha256) when the article was read; null otherwise"`
	Stage         string  `parquet:"stage,dict" json:"stage" doc:"Stage that failed: read, normalize or analyze"`
	Error         string  `parquet:"error" json:"error" doc:"What went wrong, e.g. malformed JSON line: unexpected end of JSON input"`
	RunID         string  `parquet:"run_id,dict" json:"run_id" doc:"Run that wrote the row"`
	Severity      string  `parquet:"severity,dict" json:"severity" doc:"error: the input or article was not processed; warning: a problem was repaired and the article is in the articles table"`
}

// Severities of an errors row.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)
