package models

// Label is the kind of an entity mention.
type Label string

// Entity labels of the contract.
const (
	State     Label = "STATE"
	Org       Label = "ORG"
	Group     Label = "GROUP"
	Official  Label = "OFFICIAL"
	Operation Label = "OPERATION"
	Place     Label = "PLACE"
)

// Labels lists every entity label in a stable order.
var Labels = []Label{State, Org, Group, Official, Operation, Place}

// Stance is what a position row says an actor thinks of its topic.
type Stance string

// Stances of the contract.
const (
	Support Stance = "SUPPORT"
	Oppose  Stance = "OPPOSE"
	Call    Stance = "CALL"
	Concern Stance = "CONCERN"
	Welcome Stance = "WELCOME"
	Condemn Stance = "CONDEMN"
)

// Stances lists every stance in a stable order.
var Stances = []Stance{Support, Oppose, Call, Concern, Welcome, Condemn}

// Modality says how an actor binds itself in a commitment row.
type Modality string

// Modalities used by the commitments table and the gold articles.
const (
	Pledge        Modality = "pledge"
	Agreement     Modality = "agreement"
	Readiness     Modality = "readiness"
	Plan          Modality = "plan"
	Reaffirmation Modality = "reaffirmation"
	Threat        Modality = "threat"
)

// Modalities lists every modality in a stable order.
var Modalities = []Modality{Pledge, Agreement, Readiness, Plan, Reaffirmation, Threat}
