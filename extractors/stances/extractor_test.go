package stances_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// row is what a test expects of a commitment or position: the table, the
// stance or modality, the actor ids (in any order) and, when set, negation,
// the trigger, the condition, the speaker and a target.
type row struct {
	table   string // "C" or "P"
	label   string // modality or stance
	actors  []string
	neg     bool
	trigger string
	cond    string
	speaker string
	target  string
}

func (r row) String() string {
	return fmt.Sprintf("%s %s %v neg=%v trig=%q cond=%q spk=%q tgt=%q", r.table, r.label, r.actors, r.neg, r.trigger, r.cond, r.speaker, r.target)
}

// got returns the rows of d in the shape of row, keeping only the fields
// want sets so that failures read clearly.
func got(d *extractors.Doc) []row {
	var out []row
	for _, c := range d.Commitments {
		r := row{table: "C", label: string(c.Modality), actors: c.ActorIDs, neg: c.Negated, trigger: c.Trigger}
		if c.Condition != nil {
			r.cond = *c.Condition
		}
		if c.SpeakerID != nil {
			r.speaker = *c.SpeakerID
		}
		r.target = strings.Join(c.TargetIDs, " ")
		out = append(out, r)
	}
	for _, p := range d.Positions {
		r := row{table: "P", label: string(p.Stance), actors: p.ActorIDs, neg: p.Negated, trigger: p.Trigger}
		if p.SpeakerID != nil {
			r.speaker = *p.SpeakerID
		}
		r.target = strings.Join(p.TargetIDs, " ")
		out = append(out, r)
	}
	return out
}

// fits reports whether a row found satisfies a row wanted.
func fits(g, w row) bool {
	if g.table != w.table || g.label != w.label || g.neg != w.neg {
		return false
	}
	for _, a := range w.actors {
		if !slices.Contains(g.actors, a) {
			return false
		}
	}
	if w.trigger != "" && !strings.EqualFold(g.trigger, w.trigger) {
		return false
	}
	if w.cond != "" && g.cond != w.cond {
		return false
	}
	if w.speaker != "" && g.speaker != w.speaker {
		return false
	}
	if w.target != "" && !slices.Contains(strings.Fields(g.target), w.target) {
		return false
	}
	return true
}

var (
	csto   = org("CSTO", "CSTO")
	nato   = org("NATO", "NATO")
	ecowas = org("ECOWAS", "ECOWAS")
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
		want []row
	}{
		// commitments
		{"passive pledge with condition and speaker",
			`In case of aggravation of the situation, all the necessary assistance will be rendered to Tajikistan", said Zas.`,
			[]ent{state("Tajikistan", "TJK"), official("Zas", "STANISLAV_ZAS", "CSTO")},
			[]row{{table: "C", label: "pledge", actors: []string{"CSTO"}, trigger: "will",
				cond: "In case of aggravation of the situation", speaker: "STANISLAV_ZAS", target: "TJK"}}},
		{"agreement to act",
			"Against the backdrop of a deteriorating situation, the CSTO agreed to conduct operations to combat drug trafficking.",
			[]ent{csto},
			[]row{{table: "C", label: "agreement", actors: []string{"CSTO"}, trigger: "agreed"}}},
		{"collective subject resolves to the body",
			"The CSTO held a meeting in Dushanbe. The participants decided to strengthen the border.",
			[]ent{csto},
			[]row{{table: "C", label: "agreement", actors: []string{"CSTO"}, trigger: "decided"}}},
		{"readiness",
			"The CSTO countries are ready to use the available resources.",
			[]ent{csto},
			[]row{{table: "C", label: "readiness", actors: []string{"CSTO"}, trigger: "ready"}}},
		{"readiness noun after a light verb",
			"The CSTO states reiterated their readiness to provide consolidated assistance to Afghanistan.",
			[]ent{csto, state("Afghanistan", "AFG")},
			[]row{{table: "C", label: "readiness", actors: []string{"CSTO"}, trigger: "readiness", target: "AFG"}}},
		{"stand ready",
			"Germany stands ready to help.",
			[]ent{state("Germany", "DEU")},
			[]row{{table: "C", label: "readiness", actors: []string{"DEU"}}}},
		{"plan, impersonal",
			`The CSTO met in Moscow. The CSTO said it is planned to conduct the operation "Kanal".`,
			[]ent{csto, place("Moscow", "MOSCOW"), csto, {form: "Kanal", label: models.Operation, id: "KANAL"}},
			[]row{{table: "C", label: "plan", actors: []string{"CSTO"}, target: "KANAL"}}},
		{"reaffirmation",
			"ECOWAS leaders said they remained committed to a peaceful resolution of the crisis.",
			[]ent{ecowas},
			[]row{{table: "C", label: "reaffirmation", actors: []string{"ECOWAS"}, trigger: "committed"}}},
		{"threat with condition",
			"The Houthis said they would continue to target ships until the war in Gaza ends.",
			[]ent{group("Houthis", "HOUTHIS"), place("Gaza", "GAZA")},
			[]row{{table: "C", label: "threat", actors: []string{"HOUTHIS"}, cond: "until the war in Gaza ends"}}},
		{"negated pledge",
			"Josep Borrell said its ships will escort vessels but will not strike Houthi targets on land.",
			[]ent{official("Josep Borrell", "JOSEP_BORRELL", "EU"), group("Houthi", "HOUTHIS")},
			[]row{
				{table: "C", label: "pledge", actors: []string{"JOSEP_BORRELL", "EU"}},
				{table: "C", label: "pledge", actors: []string{"JOSEP_BORRELL", "EU"}, target: "HOUTHIS"}, // restraint, not negated
			}},
		{"refusal",
			"The Turkish government has refused to commit to any direct assistance.",
			[]ent{state("Turkish", "TUR")},
			[]row{{table: "C", label: "pledge", actors: []string{"TUR"}, neg: true, trigger: "refused"}}},
		{"coordinated subject and pronoun",
			"France, Germany, Italy and Belgium have said they will contribute warships.",
			[]ent{state("France", "FRA"), state("Germany", "DEU"), state("Italy", "ITA"), state("Belgium", "BEL")},
			[]row{{table: "C", label: "pledge", actors: []string{"FRA", "DEU", "ITA", "BEL"}}}},
		{"back-reference to the speaker's state",
			"Saudi Crown Prince Mohammed bin Salman, who chaired the meeting, said the kingdom would not allow the region to turn into a field of conflicts.",
			[]ent{state("Saudi", "SAU"), official("Mohammed bin Salman", "MOHAMMED_BIN_SALMAN", "SAU")},
			[]row{{table: "C", label: "pledge", actors: []string{"SAU"}, speaker: "MOHAMMED_BIN_SALMAN"}}},
		{"headline infinitive",
			"CSTO countries to provide necessary assistance to Tajikistan in case of a threat from Afghanistan\n\nThe meeting was held on Wednesday.",
			[]ent{csto, state("Tajikistan", "TJK"), state("Afghanistan", "AFG")},
			[]row{{table: "C", label: "plan", actors: []string{"CSTO"}, cond: "in case of a threat from Afghanistan"}}},
		{"a headline's list without a conjunction is the subject",
			"Norland, Sudland, allies accuse Ostland of cyberattacks on the Eastern Pact\n\nThe statement came on Monday.",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL"), state("Ostland", "OST"), org("Eastern Pact", "EASTERN_PACT")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"NRL", "SDL"}, trigger: "accuse"}}},
		{"a headline's list after a colon",
			"Cyberattacks: Norland, Sudland urge Ostland to stop\n\nThe statement came on Monday.",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL"), state("Ostland", "OST")},
			[]row{{table: "P", label: "CALL", actors: []string{"NRL", "SDL"}, trigger: "urge"}}},
		{"a phrasal verb of criticism",
			"Norland lashes out at Sudland over the border closure",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"NRL"}, trigger: "lashes out at"}}},
		{"pressure with its object and a topic",
			"Norland pressures Sudland on trade",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "CALL", actors: []string{"NRL"}, trigger: "pressures on"}}},
		{"headline infinitive of a trip is a schedule",
			"Norland leader to visit Sudland in May\n\nThe leader will hold talks there.",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			nil},
		{"headline infinitive of a schedule verb",
			"Norland envoy to travel to Sudland for talks",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			nil},
		{"headline verb tagged as a noun: no headline infinitive",
			"Norland lawmaker introduces bill to revoke trade status",
			[]ent{state("Norland", "NRL")},
			nil},
		{"headline vow tagged as a noun: one pledge",
			"Norland regulator vows to work with Sudland on trade",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "C", label: "pledge", actors: []string{"NRL"}}}},
		{"a modal said of a thing is a prediction",
			"Norland policies would cause a sharp rise in prices, analysts said.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"a modal said of an agent noun is a pledge",
			"The Norland relief agencies will stop working at night.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "pledge", actors: []string{"NRL"}}}},
		{"headline passive without its be and without an agent: no row",
			"Norland minister criticised for remarks on trade",
			[]ent{state("Norland", "NRL")},
			nil},
		{"headline passive with its agent",
			"Norland envoy praised by Sudland for peace effort",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"SDL"}}}},
		{"headline passive reported by a speaker",
			"Trader accused of spying on exiles, Norland says",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"NRL"}}}},
		{"headline passive modifying a subject: no row",
			"Norland says ship accused of intrusion was on patrol",
			[]ent{state("Norland", "NRL")},
			nil},
		{"an agent noun of a trigger is no trigger",
			"Norland protesters burned tyres outside the ministry.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"a participle modifying an object is passive: no row",
			"Norland police arrested a man accused of rioting.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"a verb after an appositive is the clause's verb",
			"Jan Novak, the Norland prime minister, called for an inquiry.",
			[]ent{official("Jan Novak", "JAN_NOVAK", "NRL"), state("Norland", "NRL")},
			[]row{{table: "P", label: "CALL", actors: []string{"JAN_NOVAK", "NRL"}}}},
		{"a headline's second verb after a comma, before a preposition",
			"Norland health agency warns outbreak is not under control, appeals for resources",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"NRL"}}, {table: "P", label: "CALL", actors: []string{"NRL"}}}},
		{"urged to without be is passive: the agent after by calls",
			"Young voters urged to remember their roots by Sudland",
			[]ent{state("Sudland", "SDL")},
			[]row{{table: "P", label: "CALL", actors: []string{"SDL"}}}},
		{"urged to without be: a by of another participle is not the agent",
			"Norland urged to curb actions taken by Ostland, Sudland says",
			[]ent{state("Norland", "NRL"), state("Ostland", "OST"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "CALL", actors: []string{"SDL"}}}},
		{"urged to without be or agent: no row",
			"Norland urged to reopen talks",
			[]ent{state("Norland", "NRL")},
			nil},
		{"one person's will about another is a claim",
			"Jan Novak claims Piet Berg would allow companies to deny coverage.",
			[]ent{official("Jan Novak", "JAN_NOVAK", "NRL"), official("Piet Berg", "PIET_BERG", "NRL")},
			nil},
		{"one state's will about another is a claim",
			"Norland says Sudland will lift the ban.",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			nil},
		{"one state's readiness in another's words is a claim",
			"Sudland is ready to strike the border posts, Norland says.",
			[]ent{state("Sudland", "SDL"), state("Norland", "NRL")},
			nil},
		{"a verb of committing reported by another state stays the actor's act",
			"Sudland offered to hand over the suspects, Norland said.",
			[]ent{state("Sudland", "SDL"), state("Norland", "NRL")},
			[]row{{table: "C", label: "pledge", actors: []string{"SDL"}}}},
		{"a dummy it commits no one",
			"Norland said it would take years to rebuild the bridges.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"a headline's light verb with a visit is a schedule",
			"Norland leader to make state visit to Sudland",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			nil},
		{"warning someone not to act is opposing it",
			"Norland warns Sudland not to allow the visit",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"NRL"}}}},
		{"an object modified by a participle before to",
			"Norland agencies tell students studying abroad to beware of spies",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "CALL", actors: []string{"NRL"}}}},
		{"a negated must in another's words is opposing",
			"Norland said the court should not order a withdrawal.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"NRL"}}}},
		{"a trigger verb's form after a determiner is a noun",
			"Norland police said the accused worked for the army.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"a quantifier before a verb is no determiner",
			"Norland and Sudland have both condemned the attack.",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"NRL", "SDL"}}}},
		{"a time phrase after the subject is no new subject",
			"Norland this week called for talks.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "CALL", actors: []string{"NRL"}}}},
		{"an article after a recipient opens the subject",
			"Jan Novak told the Courier the government will cut taxes.",
			[]ent{official("Jan Novak", "JAN_NOVAK", "NRL"), outlet("Courier", "COURIER")},
			[]row{{table: "C", label: "pledge", actors: []string{"NRL", "JAN_NOVAK"}}}},
		{"a reflexive pronoun stays in its subject",
			"Norland itself will send troops.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "pledge", actors: []string{"NRL"}}}},
		{"it that stands for the speaker takes countermeasures",
			"Norland said it would take countermeasures.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "threat", actors: []string{"NRL"}}}},
		{"it taking threatened measures to an end is a threat",
			"Norland said it will take all necessary measures to protect its citizens.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "threat", actors: []string{"NRL"}}}},
		{"a warning of war is a concern",
			"The Norland envoy warned of war in the region.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"NRL"}}}},
		{"a warning of consequences is a threat",
			"Norland warned of consequences.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "threat", actors: []string{"NRL"}}}},
		{"an outlet stated as a mouthpiece speaks for its body",
			"The Norland Courier, the mouthpiece of the Norland government, called for talks.",
			[]ent{outlet("Norland Courier", "NORLAND_COURIER"), state("Norland", "NRL")},
			[]row{{table: "P", label: "CALL", actors: []string{"NRL"}}}},
		{"a spokesperson reports the leader's pledge",
			"Spokesman Jan Novak said Piet Berg would not allow the bill to pass.",
			[]ent{official("Jan Novak", "JAN_NOVAK", "NRL"), official("Piet Berg", "PIET_BERG", "NRL")},
			[]row{{table: "C", label: "pledge", actors: []string{"PIET_BERG", "NRL"}}}},
		{"an adverb the tagger calls a particle keeps the trigger",
			"Norland backed up the plan.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"NRL"}}}},
		{"a wrongdoing in a bare that-clause is no deed",
			"Norland promised the murder will be investigated.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "pledge", actors: []string{"NRL"}}}},
		{"an offensive is no offence",
			"Norland pledged a new offensive.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "pledge", actors: []string{"NRL"}}}},
		{"should not only is still a call",
			"Norland said Sudland should not only talk but also act.",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "CALL", actors: []string{"NRL"}}}},
		{"a by after a phrasal participle is not the agent",
			"Norland urged to curb attacks carried out by Ostland, Sudland says",
			[]ent{state("Norland", "NRL"), state("Ostland", "OST"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "CALL", actors: []string{"SDL"}}}},
		{"highlighting is no stance of its own",
			"Norland highlighted the risks.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"announcing plans is a plan",
			"Norland announced plans to build a dam.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "plan", actors: []string{"NRL"}}}},
		{"pushing someone on a matter is a call",
			"Norland and Sudland push Ostland on the peace plan",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL"), state("Ostland", "OST")},
			[]row{{table: "P", label: "CALL", actors: []string{"NRL", "SDL"}}}},
		{"piling pressure on someone is a call",
			"Norland lawmakers piled pressure on Piet Berg to resign.",
			[]ent{state("Norland", "NRL"), official("Piet Berg", "PIET_BERG", "SDL")},
			[]row{{table: "P", label: "CALL", actors: []string{"NRL"}}}},
		{"seeking a term of office is a plan",
			"Jan Novak is seeking a second term.",
			[]ent{official("Jan Novak", "JAN_NOVAK", "NRL")},
			[]row{{table: "C", label: "plan", actors: []string{"JAN_NOVAK", "NRL"}}}},
		{"an official's will about the state served is a pledge",
			"Jan Novak says Norland will lift the ban.",
			[]ent{official("Jan Novak", "JAN_NOVAK", "NRL"), state("Norland", "NRL")},
			[]row{{table: "C", label: "pledge", actors: []string{"NRL"}}}},
		{"a commitment verb with a wrongdoing object is a deed",
			"Norland forces committed abuses in the province.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"a commitment verb with another object is a pledge",
			"Norland committed 500 troops to the mission.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "pledge", actors: []string{"NRL"}}}},
		{"a warning after the clause it reports",
			"The outbreak is spreading fast, the Norland health agency warns.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"NRL"}}}},
		{"a warning after the clause, its subject inverted",
			"The outbreak is spreading fast, warns Norland",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"NRL"}}}},
		{"a warning after a subordinate clause reports nothing",
			"If prices rise, Norland warns.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"a warning after a quoted clause",
			`"Prices will rise," warned Norland.`,
			[]ent{state("Norland", "NRL")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"NRL"}}}},
		{"a warning to someone of a hostile act is a threat",
			"Norland warns Sudland of 'crushing response'",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "C", label: "threat", actors: []string{"NRL"}}}},
		{"a vow of a hostile act is a threat",
			"Norland vows punishment for the blasts",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "threat", actors: []string{"NRL"}}}},
		{"a threat of war",
			"Norland threatens war if Sudland breaches the truce",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "C", label: "threat", actors: []string{"NRL"}}}},
		{"a plan unveiled",
			"The Norland commission on Wednesday unveiled plans to impose duties on steel.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "plan", actors: []string{"NRL"}}}},
		{"a plan cancelled is a negated plan",
			"Norland lawmakers cancelled plans to ratify the treaty.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "plan", actors: []string{"NRL"}, neg: true}}},
		{"not ruling out is readiness",
			"Norland does not rule out troops for Sudland.",
			[]ent{state("Norland", "NRL"), state("Sudland", "SDL")},
			[]row{{table: "C", label: "readiness", actors: []string{"NRL"}}}},
		{"recommitting is a reaffirmation",
			"Norland recommits to the peace talks.",
			[]ent{state("Norland", "NRL")},
			[]row{{table: "C", label: "reaffirmation", actors: []string{"NRL"}}}},
		{"a trigger verb with a particle is another verb",
			"Norland backed down after the vote.",
			[]ent{state("Norland", "NRL")},
			nil},
		{"a pronoun after a recipient is the subject",
			"Jan Novak told Ostland he blames Sudland for the delay.",
			[]ent{official("Jan Novak", "JAN_NOVAK", "NRL"), state("Ostland", "OST"), state("Sudland", "SDL")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"JAN_NOVAK", "NRL"}}}},
		{"an outlet is never the actor",
			"The Norland Courier demands access for reporters.",
			[]ent{outlet("Norland Courier", "NORLAND_COURIER")},
			nil},
		{"would support is a pledge, not a position",
			"Swedish Prime Minister Ulf Kristersson said Stockholm would actively support Ankara's efforts.",
			[]ent{state("Swedish", "SWE"), official("Ulf Kristersson", "ULF_KRISTERSSON", "SWE"), state("Stockholm", "SWE"), state("Ankara", "TUR")},
			[]row{{table: "C", label: "pledge", actors: []string{"SWE"}, target: "TUR"}}},

		// positions
		{"call on with infinitive",
			`The CSTO ministers met in Dushanbe. In their joint statement, the participants called on ethnic Afghan groups to "refrain from armed confrontation".`,
			[]ent{csto, state("Afghan", "AFG")},
			[]row{{table: "P", label: "CALL", actors: []string{"CSTO"}, trigger: "called on", target: "AFG"}}},
		{"in favor of",
			"CSTO member states are in favor of a sustainable inter-Afghan peace process.",
			[]ent{csto},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"CSTO"}, trigger: "in favor of"}}},
		{"oppose",
			"Russia opposes any further enlargement of NATO to the east.",
			[]ent{state("Russia", "RUS"), nato},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"RUS"}, target: "NATO"}}},
		{"two stances in one sentence",
			"ECOWAS held a summit. The leaders condemned the continued detention of President Mohamed Bazoum and demanded his immediate release.",
			[]ent{ecowas, official("Mohamed Bazoum", "MOHAMED_BAZOUM", "NER")},
			[]row{
				{table: "P", label: "CONDEMN", actors: []string{"ECOWAS"}, target: "MOHAMED_BAZOUM"},
				{table: "P", label: "CALL", actors: []string{"ECOWAS"}},
			}},
		{"official with affiliation, parenthesis led by",
			"Niamey's military rulers, led by General Abdourahamane Tiani, rejected the demands and warned against any foreign interference.",
			[]ent{state("Niamey", "NER"), official("Abdourahamane Tiani", "ABDOURAHAMANE_TIANI", "NER")},
			[]row{
				{table: "P", label: "OPPOSE", actors: []string{"NER", "ABDOURAHAMANE_TIANI"}, trigger: "rejected"},
				{table: "P", label: "OPPOSE", actors: []string{"NER", "ABDOURAHAMANE_TIANI"}, trigger: "warned against"},
			}},
		{"concern after a light verb",
			"The CSTO anti-drug chiefs met. The meeting participants expressed concern over the growth of synthetic drug production.",
			[]ent{csto},
			[]row{{table: "P", label: "CONCERN", actors: []string{"CSTO"}, trigger: "concern"}}},
		{"pronoun resolves to the last person",
			"CSTO secretary-general Stanislav Zas stressed that the situation remains difficult. According to him, he is especially concerned about the situation in Afghanistan.",
			[]ent{csto, official("Stanislav Zas", "STANISLAV_ZAS", "CSTO"), state("Afghanistan", "AFG")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"STANISLAV_ZAS"}, target: "AFG"}}},
		{"warned that is concern",
			"Kremlin spokesman Dmitry Peskov warned that any move to bring Ukraine closer to membership would be very dangerous.",
			[]ent{state("Kremlin", "RUS"), official("Dmitry Peskov", "DMITRY_PESKOV", "RUS"), state("Ukraine", "UKR")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"DMITRY_PESKOV", "RUS"}}}},
		{"stressed the need to reject is oppose",
			"The statement of the CSTO stressed the need to reject unilateral steps.",
			[]ent{csto},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"CSTO"}, trigger: "reject"}}},
		{"stressed the importance of is support",
			"The foreign ministers of the CSTO member states stressed the importance of establishing a dialogue.",
			[]ent{csto},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"CSTO"}, trigger: "importance"}}},
		{"expect that is a call",
			"The CSTO members expect that Kabul's statements will be implemented in practice.",
			[]ent{csto, state("Kabul", "AFG")},
			[]row{{table: "P", label: "CALL", actors: []string{"CSTO"}, target: "AFG"}}},
		{"vote against in an absolute construction",
			"The resolution was adopted by 20 votes to two, with China and Russia voting against.",
			[]ent{state("China", "CHN"), state("Russia", "RUS")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"CHN", "RUS"}}}},
		{"welcome and support in one sentence",
			"The CSTO ministers met. They welcomed the formation of unified transitional authorities in Libya and expressed support for the Libyan leadership's commitment to hold general elections.",
			[]ent{csto, state("Libya", "LBY"), state("Libyan", "LBY")},
			[]row{
				{table: "P", label: "WELCOME", actors: []string{"CSTO"}, target: "LBY"},
				{table: "P", label: "SUPPORT", actors: []string{"CSTO"}},
				{table: "C", label: "pledge", actors: []string{"LBY"}, trigger: "commitment"},
			}},
		{"headline present tense",
			"IAEA board rebukes Iran over nuclear cooperation\n\nVIENNA, 5 June 2024",
			[]ent{org("IAEA", "IAEA"), state("Iran", "IRN")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"IAEA"}, target: "IRN"}}},
		{"headline verb of blame",
			"Norway blasts Sweden over fishing quotas",
			[]ent{state("Norway", "NOR"), state("Sweden", "SWE")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"NOR"}, target: "SWE"}}},
		{"verb of fear",
			"Finland fears a wider war in the region.",
			[]ent{state("Finland", "FIN")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"FIN"}}}},
		{"adjective of wariness after a linking verb",
			"Denmark is wary of new tariffs.",
			[]ent{state("Denmark", "DNK")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"DNK"}}}},
		{"press an object for",
			"Norway pressed Sweden for steps to protect civilians.",
			[]ent{state("Norway", "NOR"), state("Sweden", "SWE")},
			[]row{{table: "P", label: "CALL", actors: []string{"NOR"}, trigger: "pressed for"}}},
		{"adjective of unease",
			"The Danish government is disturbed by the visit.",
			[]ent{state("Danish", "DNK")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"DNK"}}}},
		{"congratulations",
			"Austria congratulated Hungary on the election.",
			[]ent{state("Austria", "AUT"), state("Hungary", "HUN")},
			[]row{{table: "P", label: "WELCOME", actors: []string{"AUT"}, target: "HUN"}}},
		{"warned with a that-clause without that",
			"Chile warned the drought still poses a threat to farms.",
			[]ent{state("Chile", "CHL")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"CHL"}, trigger: "warned"}}},
		{"warns with a modal clause in a headline",
			"Japan warns China could close the strait",
			[]ent{state("Japan", "JPN"), state("China", "CHN")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"JPN"}}}},
		{"a body spelt like a pronoun is the subject",
			"WHO Warns of a Return of Measles",
			[]ent{org("WHO", "WHO")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"WHO"}}}},
		{"possessor of a stance noun",
			"Norway's condemnation of the raid surprised few.",
			[]ent{state("Norway", "NOR")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"NOR"}}}},
		{"anger expressed",
			"Danish lawmakers expressed anger at the ruling.",
			[]ent{state("Danish", "DNK")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"DNK"}}}},
		{"adjective of outrage in a headline",
			"Peru outraged by raid on embassy",
			[]ent{state("Peru", "PER")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"PER"}}}},
		{"hit back at",
			"Austria hit back at critics of the plan.",
			[]ent{state("Austria", "AUT")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"AUT"}}}},
		{"mocked",
			"Brazil mocked the proposal on Monday.",
			[]ent{state("Brazil", "BRA")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"BRA"}}}},
		{"evaluation by a speaker",
			"The plan is unacceptable, Ghana said.",
			[]ent{state("Ghana", "GHA")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"GHA"}}}},
		{"pushed back against",
			"Mexico pushed back against the tariff plan.",
			[]ent{state("Mexico", "MEX")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"MEX"}}}},
		{"boycott",
			"Ireland boycotted the ceremony.",
			[]ent{state("Ireland", "IRL")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"IRL"}}}},
		{"sceptical of",
			"Sweden remains sceptical of the merger.",
			[]ent{state("Sweden", "SWE")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"SWE"}}}},
		{"hope for",
			"Egypt hopes for a truce this month.",
			[]ent{state("Egypt", "EGY")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"EGY"}}}},
		{"proud of",
			"Kenya is proud of its decision to send police.",
			[]ent{state("Kenya", "KEN")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"KEN"}}}},
		{"a clause opened by as has its own subject",
			"Chile closes border as Peru urges calm",
			[]ent{state("Chile", "CHL"), state("Peru", "PER")},
			[]row{{table: "P", label: "CALL", actors: []string{"PER"}}}},
		{"a clause opened by after ends the first object",
			"Chile condemned the raid after Peru urged calm.",
			[]ent{state("Chile", "CHL"), state("Peru", "PER")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"CHL"}}, {table: "P", label: "CALL", actors: []string{"PER"}}}},
		{"headline speaker before a colon",
			"Ghana: Togo must reopen the border",
			[]ent{state("Ghana", "GHA"), state("Togo", "TGO")},
			[]row{{table: "P", label: "CALL", actors: []string{"GHA"}}}},
		{"headline speaker after a colon",
			"Togo must reopen the border: Ghana",
			[]ent{state("Togo", "TGO"), state("Ghana", "GHA")},
			[]row{{table: "P", label: "CALL", actors: []string{"GHA"}}}},
		{"warned of its own retaliation is a threat",
			"Chile warned of a firm response to any new raid.",
			[]ent{state("Chile", "CHL")},
			[]row{{table: "C", label: "threat", actors: []string{"CHL"}}}},
		{"obligation reported of another is a call",
			"Russia said on Tuesday that Sudan must return a helicopter.",
			[]ent{state("Russia", "RUS"), state("Sudan", "SDN")},
			[]row{{table: "P", label: "CALL", actors: []string{"RUS"}, target: "SDN"}}},
		{"passive with agent",
			"The attack was condemned by the United Nations.",
			[]ent{org("United Nations", "UN")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"UN"}}}},
		{"short stem",
			"A Saudi businessman is suing the United States for damages.",
			[]ent{state("Saudi", "SAU"), state("United States", "USA")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"SAU"}, target: "USA"}}},
		{"object before against",
			"Russia's foreign ministry warned Western countries against supplying missiles to Ukraine.",
			[]ent{state("Russia", "RUS"), state("Ukraine", "UKR")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"RUS"}, trigger: "warned against", target: "UKR"}}},
		{"gerund complement",
			"Gabon's transitional government said it was committed to holding elections within two years.",
			[]ent{state("Gabon", "GAB")},
			[]row{{table: "C", label: "pledge", actors: []string{"GAB"}, trigger: "committed"}}},
		{"they needs a plural antecedent",
			"Venezuela rejected the U.S. sanctions as illegal and said they would not stop the country's progress.",
			[]ent{state("Venezuela", "VEN"), state("U.S.", "USA")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"VEN"}, target: "USA"}}},
		{"negated position",
			"Germany did not support the proposal.",
			[]ent{state("Germany", "DEU")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"DEU"}, neg: true}}},

		// tags corrected, agency-report constructions
		{"past form tagged as an adjective after and",
			"Kenyan President William Ruto praised the mediators and criticized Sudan's army for delaying the talks.",
			[]ent{state("Kenyan", "KEN"), official("William Ruto", "WILLIAM_RUTO", "KEN"), state("Sudan", "SDN")},
			[]row{
				{table: "P", label: "SUPPORT", actors: []string{"WILLIAM_RUTO", "KEN"}},
				{table: "P", label: "CONDEMN", actors: []string{"WILLIAM_RUTO", "KEN"}, trigger: "criticized", target: "SDN"},
			}},
		{"verb tagged as a noun after to",
			"Norway said it was ready to share its experience in mediation.",
			[]ent{state("Norway", "NOR")},
			[]row{{table: "C", label: "readiness", actors: []string{"NOR"}, trigger: "ready"}}},
		{"headline second predicate after a comma",
			"AU leaders meet in Addis Ababa, pledge to support Somalia\n\nThe summit opened on Sunday.",
			[]ent{org("AU", "AU"), place("Addis Ababa", "ADDIS_ABABA"), state("Somalia", "SOM")},
			[]row{{table: "C", label: "pledge", actors: []string{"AU"}, trigger: "pledge", target: "SOM"}}},
		{"stand for is support",
			"The BRICS members stand for a fair reform of the global financial system.",
			[]ent{org("BRICS", "BRICS")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"BRICS"}, trigger: "stand for"}}},
		{"press with an object before on",
			"Canada pressed the Haitian government on the date of the elections.",
			[]ent{state("Canada", "CAN"), state("Haitian", "HTI")},
			[]row{{table: "P", label: "CALL", actors: []string{"CAN"}, trigger: "pressed on"}}},
		{"traded accusations by the side with an id",
			"Armenia and Western countries traded accusations over the shelling.",
			[]ent{state("Armenia", "ARM")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"ARM"}}}},
		{"a body instructs its organ to act: a plan",
			"The OSCE ministers instructed the OSCE Secretariat to prepare a report on the mission.",
			[]ent{org("OSCE", "OSCE"), org("OSCE Secretariat", "OSCE_SECRETARIAT")},
			[]row{{table: "C", label: "plan", actors: []string{"OSCE"}, trigger: "instructed"}}},
		{"subject before a parenthetical for his part",
			"Chilean President Gabriel Boric, for his part, expressed concern over the drought.",
			[]ent{state("Chilean", "CHL"), official("Gabriel Boric", "GABRIEL_BORIC", "CHL")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"GABRIEL_BORIC", "CHL"}}}},
		{"bare collective after a body named by a collective",
			"The SADC leaders met in Harare. Later, the heads of state of the Southern African Customs Union (SACU) gathered in Maseru. The leaders expressed concern over falling revenues.",
			[]ent{org("SADC", "SADC"), place("Harare", "HARARE"), org("Southern African Customs Union", "SACU"), org("SACU", "SACU"), place("Maseru", "MASERU")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"SACU"}}}},
		{"name before a parenthesized acronym",
			"The Pacific Islands Forum (PIF) secretariat agreed to open an office in Suva.",
			[]ent{org("Pacific Islands Forum", "PIF"), org("PIF", "PIF"), place("Suva", "SUVA")},
			[]row{{table: "C", label: "agreement", actors: []string{"PIF"}}}},
		{"appositive name after a title",
			"The AU Commission Chairperson, Chad's former Prime Minister Moussa Faki, welcomed the truce and said the commission was ready to send observers.",
			[]ent{org("AU Commission", "AU_COMMISSION"), state("Chad", "TCD"), official("Moussa Faki", "MOUSSA_FAKI", "TCD")},
			[]row{
				{table: "P", label: "WELCOME", actors: []string{"AU_COMMISSION", "MOUSSA_FAKI"}},
				{table: "C", label: "readiness", actors: []string{"AU_COMMISSION"}, trigger: "ready", speaker: "MOUSSA_FAKI"},
			}},
		{"name at the end of a title's modifier",
			"The ministers met. Norway's special envoy for Colombia Dag Nylander said he was ready to resume the talks.",
			[]ent{state("Norway", "NOR"), state("Colombia", "COL"), official("Dag Nylander", "DAG_NYLANDER", "NOR")},
			[]row{{table: "C", label: "readiness", actors: []string{"DAG_NYLANDER", "NOR"}}}},
		{"would remain barred: the speaker keeps it so",
			"The CARICOM leaders met. The leaders said Haiti would remain suspended from the council until elections are held.",
			[]ent{org("CARICOM", "CARICOM"), state("Haiti", "HTI")},
			[]row{{table: "C", label: "pledge", actors: []string{"CARICOM"}, cond: "until elections are held"}}},
		{"a possessor between light verb and noun",
			"Speaking on behalf of the EU, Portugal reaffirmed the bloc's support for the ceasefire in Libya.",
			[]ent{org("EU", "EU"), state("Portugal", "PRT"), state("Libya", "LBY")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"PRT", "EU"}, trigger: "support", target: "LBY"}}},
		{"headline compound before the trigger noun",
			"G20 ministers back debt plan, voice Red Sea concern\n\nRIO, July 1.",
			[]ent{org("G20", "G20"), place("Red Sea", "RED_SEA"), place("RIO", "RIO")},
			[]row{
				{table: "P", label: "SUPPORT", actors: []string{"G20"}, trigger: "back"},
				{table: "P", label: "CONCERN", actors: []string{"G20"}, trigger: "concern"},
			}},
		{"an evaluation giving the reason for the stance",
			"Brazil opposed the new tariffs, noting that they undermine the trading system.",
			[]ent{state("Brazil", "BRA")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"BRA"}, trigger: "opposed"}}},

		// modality and negation
		{"will host is a plan",
			"Portugal will host the next round of talks in Lisbon.",
			[]ent{state("Portugal", "PRT"), place("Lisbon", "LISBON")},
			[]row{{table: "C", label: "plan", actors: []string{"PRT"}}}},
		{"would not give in is a refusal",
			"Peru said it would not meet the demands of the kidnappers.",
			[]ent{state("Peru", "PER")},
			[]row{{table: "C", label: "pledge", actors: []string{"PER"}, neg: true}}},
		{"remained ready is readiness",
			"Qatar remained ready to host new talks.",
			[]ent{state("Qatar", "QAT")},
			[]row{{table: "C", label: "readiness", actors: []string{"QAT"}}}},
		{"determination noun",
			"Mongolia reaffirmed its determination to reduce emissions.",
			[]ent{state("Mongolia", "MNG")},
			[]row{{table: "C", label: "readiness", actors: []string{"MNG"}, trigger: "determination"}}},
		{"condition after a comma",
			"Oman expressed its readiness to host the talks, provided that both sides agree.",
			[]ent{state("Oman", "OMN")},
			[]row{{table: "C", label: "readiness", actors: []string{"OMN"}, cond: "provided that both sides agree"}}},
		{"called X a violation",
			"Chile called the annexation a violation of international law.",
			[]ent{state("Chile", "CHL")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"CHL"}}}},
		{"lent its support",
			"Kuwait lent its support to the initiative.",
			[]ent{state("Kuwait", "KWT")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"KWT"}, trigger: "support"}}},
		{"affirmed its support",
			"Ghana affirmed its support for the transition.",
			[]ent{state("Ghana", "GHA")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"GHA"}, trigger: "support"}}},
		{"he stands for a speaker named by title",
			"The ECOWAS summit opened. The Arab League chief said he supported the truce.",
			[]ent{org("ECOWAS", "ECOWAS"), org("Arab League", "ARAB_LEAGUE")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"ARAB_LEAGUE"}}}},
		// restraint and negated plans with "have no"
		{"no intention of: a pledge of restraint",
			"Kenya said it had no intention of annexing Uganda's islands.",
			[]ent{state("Kenya", "KEN"), state("Uganda", "UGA")},
			[]row{{table: "C", label: "pledge", actors: []string{"KEN"}, trigger: "intention", target: "UGA"}}},
		{"no plans to: a negated plan",
			"Norway has no plans to deploy frigates to the Arctic.",
			[]ent{state("Norway", "NOR")},
			[]row{{table: "C", label: "plan", actors: []string{"NOR"}, neg: true, trigger: "plans"}}},
		{"reaffirmed respect for",
			"The SADC summit closed. The communique reaffirmed respect for the sovereignty of Lesotho.",
			[]ent{org("SADC", "SADC"), state("Lesotho", "LSO")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"SADC"}, trigger: "respect", target: "LSO"}}},
		{"among the states voting in favour",
			"Chile and Peru were among the states voting in favour.",
			[]ent{state("Chile", "CHL"), state("Peru", "PER")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"CHL", "PER"}}}},
		{"coordinated gerund triggers",
			"The OAS adopted a text calling for calm in Haiti and demanding that Venezuela release the detainees.",
			[]ent{org("OAS", "OAS"), state("Haiti", "HTI"), state("Venezuela", "VEN")},
			[]row{{table: "P", label: "CALL", actors: []string{"OAS"}, trigger: "calling for"},
				{table: "P", label: "CALL", actors: []string{"OAS"}, trigger: "demanding", target: "VEN"}}},
		// threats warned of, aspect verbs, reasons
		{"warned that its own side would retaliate is a threat",
			"Iranian Foreign Minister Ali Bagheri warned that Tehran would retaliate against any attack on its ports.",
			[]ent{state("Iranian", "IRN"), official("Ali Bagheri", "ALI_BAGHERI", "IRN"), state("Tehran", "IRN")},
			[]row{{table: "C", label: "threat", actors: []string{"IRN"}, trigger: "would"}}},
		{"the group stands for the speaker's group",
			"Hamas official Osama Hamdan warned that the group would continue to attack ships.",
			[]ent{group("Hamas", "HAMAS"), official("Osama Hamdan", "OSAMA_HAMDAN", "HAMAS")},
			[]row{{table: "C", label: "threat", actors: []string{"HAMAS"}, trigger: "would"}}},
		{"would continue to support is a pledge",
			"The African Union said it would continue to support the transition in Chad.",
			[]ent{org("African Union", "AU"), state("Chad", "TCD")},
			[]row{{table: "C", label: "pledge", actors: []string{"AU"}, trigger: "would", target: "TCD"}}},
		// the sides of a meeting or deal
		{"the parties are the two sides just named",
			"The IGAD summit closed. Sudan and South Sudan had signed the accord in Juba. The parties also agreed to reopen the border crossings.",
			[]ent{org("IGAD", "IGAD"), state("Sudan", "SDN"), state("South Sudan", "SSD")},
			[]row{{table: "C", label: "agreement", actors: []string{"SDN", "SSD"}, trigger: "signed"},
				{table: "C", label: "agreement", actors: []string{"SDN", "SSD"}, trigger: "agreed"}}},
		{"the sides of talks between two states",
			"Talks between Serbia and Croatia resumed in Zagreb. The sides agreed to exchange prisoners.",
			[]ent{state("Serbia", "SRB"), state("Croatia", "HRV"), place("Zagreb", "ZAGREB")},
			[]row{{table: "C", label: "agreement", actors: []string{"SRB", "HRV"}, trigger: "agreed"}}},
		{"the parties of a body's summit are the body",
			"The SCO summit opened in Astana. Border clashes between Tajikistan and Kyrgyzstan were discussed. The parties agreed to hold drills.",
			[]ent{org("SCO", "SCO"), place("Astana", "ASTANA"), state("Tajikistan", "TJK"), state("Kyrgyzstan", "KGZ")},
			[]row{{table: "C", label: "agreement", actors: []string{"SCO"}, trigger: "agreed"}}},
		{"a title after the name acts with the person",
			"Wang Wenbin, spokesman for the Chinese Foreign Ministry, urged Japan to halt the discharge.",
			[]ent{official("Wang Wenbin", "WANG_WENBIN", ""), state("Chinese", "CHN"), state("Japan", "JPN")},
			[]row{{table: "P", label: "CALL", actors: []string{"WANG_WENBIN", "CHN"}, target: "JPN"}}},
		{"the news agency of a dateline is no body",
			"LIMA, May 3 (Andina) -- Peru and Bolivia on Monday signed a border accord, the ministry told Andina. The delegations agreed to demine the frontier.",
			[]ent{place("LIMA", "LIMA"), org("Andina", "ANDINA"), state("Peru", "PER"), state("Bolivia", "BOL"), org("Andina", "ANDINA")},
			[]row{{table: "C", label: "agreement", actors: []string{"PER", "BOL"}, trigger: "signed"},
				{table: "C", label: "agreement", actors: []string{"PER", "BOL"}, trigger: "agreed"}}},
		{"the parties before any body is named are the last two sides",
			"Peru and Bolivia signed a water accord. Peru will build a dam. Bolivia will fund a canal. The parties agreed to share data with the Amazon Cooperation Treaty Organization (ACTO).",
			[]ent{state("Peru", "PER"), state("Bolivia", "BOL"), state("Peru", "PER"), state("Bolivia", "BOL"),
				org("Amazon Cooperation Treaty Organization", "ACTO"), org("ACTO", "ACTO")},
			[]row{{table: "C", label: "agreement", actors: []string{"PER", "BOL"}, trigger: "signed"},
				{table: "C", label: "pledge", actors: []string{"PER"}},
				{table: "C", label: "pledge", actors: []string{"BOL"}},
				{table: "C", label: "agreement", actors: []string{"PER", "BOL"}, trigger: "agreed"}}},
		{"a threat phrase in the object",
			`Peru said it would protect its coast "by all means".`,
			[]ent{state("Peru", "PER")},
			[]row{{table: "C", label: "threat", actors: []string{"PER"}, trigger: "would"}}},
		{"a commitment lasting as long as the other side's conduct is a threat",
			"Chile said it would keep its border closed as long as Bolivia blocked the river.",
			[]ent{state("Chile", "CHL"), state("Bolivia", "BOL")},
			[]row{{table: "C", label: "threat", actors: []string{"CHL"}, trigger: "would"}}},
		{"readiness on condition that the other side fails is a threat",
			"Chile was prepared to recall its ambassador if there was no answer from Bolivia.",
			[]ent{state("Chile", "CHL"), state("Bolivia", "BOL")},
			[]row{{table: "C", label: "threat", actors: []string{"CHL"}, trigger: "prepared"}}},
		{"support for as long as it takes stays a pledge",
			"Chile said it would support Ecuador for as long as it takes.",
			[]ent{state("Chile", "CHL"), state("Ecuador", "ECU")},
			[]row{{table: "C", label: "pledge", actors: []string{"CHL"}, trigger: "would"}}},
		{"support as long as needed stays a pledge",
			"Chile said it would support Ecuador as long as needed.",
			[]ent{state("Chile", "CHL"), state("Ecuador", "ECU")},
			[]row{{table: "C", label: "pledge", actors: []string{"CHL"}, trigger: "would"}}},
		{"readiness on another's request stays readiness",
			"Chile was ready to send doctors if Ecuador requested them.",
			[]ent{state("Chile", "CHL"), state("Ecuador", "ECU")},
			[]row{{table: "C", label: "readiness", actors: []string{"CHL"}, trigger: "ready"}}},
		{"not returning to a body is restraint, as long as it lasts a threat",
			"Baku said it would not return to the forum as long as the forum ignored its rights.",
			[]ent{state("Baku", "AZE")},
			[]row{{table: "C", label: "threat", actors: []string{"AZE"}, neg: false}}},
		{"not intending to act is restraint",
			"Peru said it did not intend to leave the Andean Community.",
			[]ent{state("Peru", "PER"), org("Andean Community", "CAN")},
			[]row{{table: "C", label: "pledge", actors: []string{"PER"}, neg: false, trigger: "intend"}}},
		{"holding an exercise is a plan",
			"The alliance said NATO will hold a large naval exercise in May.",
			[]ent{nato},
			[]row{{table: "C", label: "plan", actors: []string{"NATO"}, trigger: "will"}}},
		{"presenting a proposal is a plan",
			"Chile would present a proposal on fishing quotas at the next summit.",
			[]ent{state("Chile", "CHL")},
			[]row{{table: "C", label: "plan", actors: []string{"CHL"}, trigger: "would"}}},
		{"keenness to act is a pledge",
			"Chile and Peru expressed their keenness to exert all efforts towards regional stability.",
			[]ent{state("Chile", "CHL"), state("Peru", "PER")},
			[]row{{table: "C", label: "pledge", actors: []string{"CHL", "PER"}, trigger: "keenness"}}},
		{"ready for talks is readiness",
			"Armenia is ready for talks without preconditions.",
			[]ent{state("Armenia", "ARM")},
			[]row{{table: "C", label: "readiness", actors: []string{"ARM"}, trigger: "ready for"}}},
		{"stood in solidarity",
			"Latvia stood in solidarity with Lithuania.",
			[]ent{state("Latvia", "LVA"), state("Lithuania", "LTU")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"LVA"}, target: "LTU"}}},
		{"an irregular past form of a trigger",
			"The EU stood ready to take further measures.",
			[]ent{org("EU", "EU")},
			[]row{{table: "C", label: "readiness", actors: []string{"EU"}, trigger: "stood ready"}}},
		{"a modal stance that is negated is the stance, not a pledge",
			"India would not support the proposal.",
			[]ent{state("India", "IND")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"IND"}, neg: true}}},
		{"a relative clause's own subject commits",
			"The leaders of Fiji and Samoa agreed to set up a fund, to which Australia pledged 400 million dollars.",
			[]ent{state("Fiji", "FJI"), state("Samoa", "WSM"), state("Australia", "AUS")},
			[]row{{table: "C", label: "agreement", actors: []string{"FJI", "WSM"}},
				{table: "C", label: "pledge", actors: []string{"AUS"}, trigger: "pledged"}}},
		{"a headline's collective is the body the article names later",
			"Border chiefs agree to step up joint patrols\n\nThe CIS border chiefs met in Minsk. The CIS chairs the talks.",
			[]ent{org("CIS", "CIS"), place("Minsk", "MINSK"), org("CIS", "CIS")},
			[]row{{table: "C", label: "agreement", actors: []string{"CIS"}, trigger: "agree"}}},
		{"a place's subject speaks for no one, not for the last actor",
			"Hamas rejected the plan. The city of Lodz demanded that the talks resume.",
			[]ent{group("Hamas", "HAMAS"), place("Lodz", "LODZ")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"HAMAS"}}}},
		{"a mission acts, with its body",
			"UNIFIL expressed concern over the strikes.",
			[]ent{mission("UNIFIL", "UNIFIL", "UN")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"UNIFIL", "UN"}}}},
		{"reserving the right to act is a threat",
			"Tajikistan reserves the right to take all necessary measures.",
			[]ent{state("Tajikistan", "TJK")},
			[]row{{table: "C", label: "threat", actors: []string{"TJK"}, trigger: "reserves right"}}},
		{"one's own evaluation: it is important to",
			"It is important to hold talks, Lavrov said.",
			[]ent{official("Lavrov", "SERGEI_LAVROV", "RUS")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"SERGEI_LAVROV", "RUS"}}}},
		{"what poses a threat is a concern of the speaker",
			"Terrorism poses a threat to the region, Lavrov said.",
			[]ent{official("Lavrov", "SERGEI_LAVROV", "RUS")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"SERGEI_LAVROV", "RUS"}}}},
		{"pointing to a growing risk is concern",
			"Lavrov pointed to the growing risk of a refugee exodus.",
			[]ent{official("Lavrov", "SERGEI_LAVROV", "RUS")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"SERGEI_LAVROV", "RUS"}}}},
		{"collectives of a meeting no body names are the states it lists",
			"Russia, China, Iran and Pakistan met in Tehran. The parties called on the Taliban to form an inclusive government.",
			[]ent{state("Russia", "RUS"), state("China", "CHN"), state("Iran", "IRN"), state("Pakistan", "PAK"), place("Tehran", "TEHRAN"), group("Taliban", "TALIBAN")},
			[]row{{table: "P", label: "CALL", actors: []string{"RUS", "CHN", "IRN", "PAK"}, target: "TALIBAN"}}},
		{"a pronoun subject before a short adverbial",
			"AU on Darfur\n\nThe AU met again. It, in particular, expressed concern about Darfur.",
			[]ent{org("AU", "AU"), place("Darfur", "DARFUR"), org("AU", "AU"), place("Darfur", "DARFUR")},
			[]row{{table: "P", label: "CONCERN", actors: []string{"AU"}}}},
		{"an as-clause with its own subject is a clause of its own, 'as long as' is not",
			"AU on Sudan\n\nThe AU condemned the fighting as it called for a ceasefire. The EU would support Kyiv for as long as it takes.",
			[]ent{org("AU", "AU"), org("AU", "AU"), org("EU", "EU"), state("Kyiv", "UKR")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"AU"}}, {table: "P", label: "CALL", actors: []string{"AU"}},
				{table: "C", label: "pledge", actors: []string{"EU"}, cond: "as long as it takes"}}},
		{"stands in solidarity",
			"Latvia stands in solidarity with Lithuania.",
			[]ent{state("Latvia", "LVA"), state("Lithuania", "LTU")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"LVA"}, target: "LTU"}}},
		{"'he' in a clause before any row is the subject before it",
			"Chilean envoy Ana Rojas spoke first. Peruvian envoy Luis Vega rejected what he called false claims and said Lima would keep its quota.",
			[]ent{state("Chilean", "CHL"), official("Ana Rojas", "ANA_ROJAS", "CHL"), state("Peruvian", "PER"),
				official("Luis Vega", "LUIS_VEGA", "PER"), state("Lima", "PER")},
			[]row{{table: "P", label: "OPPOSE", actors: []string{"LUIS_VEGA", "PER"}},
				{table: "C", label: "pledge", actors: []string{"PER"}, speaker: "LUIS_VEGA"}}},
		{"a collective said by a body's official is the body and the official",
			"NATO ministers met in Oslo. EU foreign policy chief Kaja Kallas said the bloc was ready to impose new tariffs.",
			[]ent{nato, place("Oslo", "OSLO"), org("EU", "EU"), official("Kaja Kallas", "KAJA_KALLAS", "EU")},
			[]row{{table: "C", label: "readiness", actors: []string{"KAJA_KALLAS", "EU"}, trigger: "ready"}}},
		{"an acronym and a date between subject and verb",
			"The OAS met. The OAS spoke. The Andean Community (CAN) on Sunday welcomed the accord.",
			[]ent{org("OAS", "OAS"), org("OAS", "OAS"), org("Andean Community", "CAN"), org("CAN", "CAN")},
			[]row{{table: "P", label: "WELCOME", actors: []string{"CAN"}}}},
		{"a long adverbial between commas after the subject",
			"The OAS met. The OAS spoke. The Andean Community (CAN), in a statement from its seat in Lima, expressed support for the accord.",
			[]ent{org("OAS", "OAS"), org("OAS", "OAS"), org("Andean Community", "CAN"), org("CAN", "CAN"), place("Lima", "LIMA")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"CAN"}}}},
		{"a body named once with its acronym is not what the article is about",
			"Peru and Chile held talks. Shelling went on. Rain fell. Peru's army media wing, the Joint Command (CCFFAA), reported shelling. Officials said the sides agreed to observe the truce.",
			[]ent{state("Peru", "PER"), state("Chile", "CHL"), state("Peru", "PER"), org("Joint Command", "CCFFAA"), org("CCFFAA", "CCFFAA")},
			[]row{{table: "C", label: "agreement", actors: []string{"PER", "CHL"}, trigger: "agreed"}}},
		{"'his government' of a speaker serving a body",
			"The OAS met. The OAS spoke. Ana Rojas, head of the Transitional Council, said his government would engage with the plan.",
			[]ent{org("OAS", "OAS"), org("OAS", "OAS"), official("Ana Rojas", "ANA_ROJAS", "TC"), org("Transitional Council", "TC")},
			[]row{{table: "C", label: "pledge", actors: []string{"ANA_ROJAS"}, trigger: "would"}}},
		{"the parties three sentences after their deal",
			"The OAS welcomed news that Peru and Chile had committed to a truce. The OAS met. Roads flooded. According to the envoy, the parties also agreed to reopen roads.",
			[]ent{org("OAS", "OAS"), state("Peru", "PER"), state("Chile", "CHL"), org("OAS", "OAS")},
			[]row{{table: "P", label: "WELCOME", actors: []string{"OAS"}},
				{table: "C", label: "pledge", actors: []string{"PER", "CHL"}, trigger: "committed"},
				{table: "C", label: "agreement", actors: []string{"PER", "CHL"}, trigger: "agreed"}}},
		{"a commitment reported in a that-clause of a stance's object",
			"The OAS welcomed the announcement that Peru and the rebels had committed to a ceasefire.",
			[]ent{org("OAS", "OAS"), state("Peru", "PER"), group("rebels", "REBELS")},
			[]row{{table: "P", label: "WELCOME", actors: []string{"OAS"}},
				{table: "C", label: "pledge", actors: []string{"PER"}, trigger: "committed"}}},
		{"threatening a response",
			"Iran threatened a ‘harsh’ response to the drills.",
			[]ent{state("Iran", "IRN")},
			[]row{{table: "C", label: "threat", actors: []string{"IRN"}, trigger: "threatened"}}},
		{"threatening sanctions",
			"The EU threatened new sanctions on Belarus.",
			[]ent{org("EU", "EU"), state("Belarus", "BLR")},
			[]row{{table: "C", label: "threat", actors: []string{"EU"}, trigger: "threatened", target: "BLR"}}},
		{"a danger is no threat of action",
			"Peru condemned the Houthi raids on ships, saying they threatened shipping.",
			[]ent{state("Peru", "PER"), group("Houthi", "HOUTHIS")},
			[]row{{table: "P", label: "CONDEMN", actors: []string{"PER"}}}},
		{"a verb of saying after the quote it attributes has no object",
			"Peru will send aid to Chile, Foreign Minister Ana Rojas stressed.",
			[]ent{state("Peru", "PER"), state("Chile", "CHL"), official("Ana Rojas", "ANA_ROJAS", "PER")},
			[]row{{table: "C", label: "pledge", actors: []string{"PER"}, trigger: "will", speaker: "ANA_ROJAS"}}},
		{"counted countries of a body's meeting are the states and the body",
			"The Mercosur ministers met in Lima. Brazil, Argentina, Paraguay and Uruguay signed a trade pact. The four countries agreed to cut tariffs.",
			[]ent{org("Mercosur", "MERCOSUR"), place("Lima", "LIMA"), state("Brazil", "BRA"), state("Argentina", "ARG"), state("Paraguay", "PRY"), state("Uruguay", "URY")},
			[]row{{table: "C", label: "agreement", actors: []string{"BRA", "ARG", "PRY", "URY"}, trigger: "signed"},
				{table: "C", label: "agreement", actors: []string{"BRA", "ARG", "PRY", "URY", "MERCOSUR"}, trigger: "agreed"}}},
		{"a bare count of voting members is no one",
			"The OAS met. The OAS voted on Peru. Twelve members voted in favour, two against. Chile voted in favour.",
			[]ent{org("OAS", "OAS"), org("OAS", "OAS"), state("Peru", "PER"), state("Chile", "CHL")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"CHL"}}}},
		{"the two sides of a deal before other pairs of states named since",
			"Peru and Chile have agreed to reopen their embassies. Earlier talks were hosted by Brazil and Uruguay. The two sides affirmed their respect for the sovereignty of states.",
			[]ent{state("Peru", "PER"), state("Chile", "CHL"), state("Brazil", "BRA"), state("Uruguay", "URY")},
			[]row{{table: "C", label: "agreement", actors: []string{"PER", "CHL"}, trigger: "agreed"},
				{table: "P", label: "SUPPORT", actors: []string{"PER", "CHL"}, trigger: "respect"}}},
		{"a document's sponsor is no co-actor: the body adopting it speaks",
			"The OAS Permanent Council met. The OAS adopted a resolution. The text, presented by Chile on behalf of the Andean group, calls on Peru to free the detainees.",
			[]ent{org("OAS", "OAS"), org("OAS", "OAS"), state("Chile", "CHL"), state("Peru", "PER")},
			[]row{{table: "P", label: "CALL", actors: []string{"OAS"}, target: "PER"}}},
		{"a compound preposition after the subject",
			"Washington along with its partners demanded that Hezbollah disarm.",
			[]ent{state("Washington", "USA"), group("Hezbollah", "HEZBOLLAH")},
			[]row{{table: "P", label: "CALL", actors: []string{"USA"}, target: "HEZBOLLAH"}}},
		{"a coordinated that-clause ends the object before it",
			"Chile said it supported the accord and that Chile would send observers to Peru.",
			[]ent{state("Chile", "CHL"), state("Chile", "CHL"), state("Peru", "PER")},
			[]row{{table: "P", label: "SUPPORT", actors: []string{"CHL"}},
				{table: "C", label: "pledge", actors: []string{"CHL"}, trigger: "would", target: "PER"}}},
		{"warning of one's own conditioned action is a threat",
			"Peru warned that Lima would quit the fisheries pact if its concerns were ignored.",
			[]ent{state("Peru", "PER"), state("Lima", "PER")},
			[]row{{table: "C", label: "threat", actors: []string{"PER"}, trigger: "would", cond: "if its concerns were ignored"}}},
		{"a draft's call is no one's",
			"The OAS met. The OAS voted. A draft resolution that called on Peru to free the detainees failed to pass.",
			[]ent{org("OAS", "OAS"), org("OAS", "OAS"), state("Peru", "PER")},
			nil},
		{"threatening a response a participle qualifies",
			"Iran threatened a crushing response to the drills.",
			[]ent{state("Iran", "IRN")},
			[]row{{table: "C", label: "threat", actors: []string{"IRN"}, trigger: "threatened"}}},
		{"a pledge dated ahead is a plan",
			"Chile would open a consulate in Tacna later this year.",
			[]ent{state("Chile", "CHL"), place("Tacna", "TACNA")},
			[]row{{table: "C", label: "plan", actors: []string{"CHL"}, trigger: "would"}}},
		{"a pledge without a date stays a pledge",
			"Chile would open a consulate in Tacna.",
			[]ent{state("Chile", "CHL"), place("Tacna", "TACNA")},
			[]row{{table: "C", label: "pledge", actors: []string{"CHL"}, trigger: "would"}}},
		{"not negotiating with a group is restraint",
			"Peru said it would not negotiate with the Shining Path.",
			[]ent{state("Peru", "PER"), group("Shining Path", "SHINING_PATH")},
			[]row{{table: "C", label: "pledge", actors: []string{"PER"}, neg: false}}},
	}
	x := newExtractor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith(t, tc.text, tc.ents...)
			if err := x.Extract(d); err != nil {
				t.Fatalf("Extract(%q): %v", tc.text, err)
			}
			rows := got(d)
			for _, w := range tc.want {
				if !slices.ContainsFunc(rows, func(g row) bool { return fits(g, w) }) {
					t.Errorf("Extract(%q) = %v; want a row %v", tc.text, rows, w)
				}
			}
			if len(rows) != len(tc.want) {
				t.Errorf("Extract(%q) = %d rows %v; want %d", tc.text, len(rows), rows, len(tc.want))
			}
		})
	}
}

// TestExtractNone lists clauses that are neither commitments nor positions.
func TestExtractNone(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
	}{
		{"schedule", "The summit will be chaired by Tajik President Emomali Rahmon.",
			[]ent{state("Tajik", "TJK"), official("Emomali Rahmon", "EMOMALI_RAHMON", "TJK")}},
		{"taking part", "Russian President Vladimir Putin will take part in it via videoconference.",
			[]ent{state("Russian", "RUS"), official("Vladimir Putin", "VLADIMIR_PUTIN", "RUS")}},
		{"travel is a schedule", "Chile's president will travel to Peru on Friday.", []ent{state("Chile", "CHL"), state("Peru", "PER")}},
		{"event held", "The next meeting of the council will be held in Minsk.", []ent{place("Minsk", "MINSK")}},
		{"will be among", "The situation in Afghanistan will be among the most important issues.", []ent{state("Afghanistan", "AFG")}},
		{"completed act", "The African Union later suspended Niger from all of the union's activities.",
			[]ent{org("African Union", "AU"), state("Niger", "NER")}},
		{"launched a mission", "The European Union on Monday launched a naval mission.", []ent{org("European Union", "EU")}},
		{"denied supplying", "Iran denied supplying the group with weapons.", []ent{state("Iran", "IRN")}},
		{"concerns as relates to", "In particular, this concerns the announced amnesty for former officials.", nil},
		{"bare noun in a heading", "Situation in the Middle East: a call for dialogue", []ent{place("Middle East", "MIDDLE_EAST")}},
		{"against as a preposition", "Against the backdrop of a deteriorating situation, the ministers met.", nil},
		{"stressed that", "CSTO secretary-general Stanislav Zas stressed that the situation remains difficult.",
			[]ent{csto, official("Stanislav Zas", "STANISLAV_ZAS", "CSTO")}},
		{"treaty signed in the past", "The Collective Security Treaty was signed in Tashkent in 1992.", []ent{place("Tashkent", "TASHKENT")}},
		{"inside a condition", "If Iran agrees to talks, nothing changes.", []ent{state("Iran", "IRN")}},
		{"holding a dialogue is a schedule", "The council will hold an interactive dialogue with the envoy at its next session.", nil},
		{"prediction of a thing", "Russia said such deliveries would make the West a party to the conflict.",
			[]ent{state("Russia", "RUS")}},
		{"people no one names", "The ECOWAS summit opened. Human rights groups protested the arrests.",
			[]ent{org("ECOWAS", "ECOWAS")}},
		{"schedule said by someone", "The talks will resume in Geneva on Monday, a UN spokesman said.",
			[]ent{place("Geneva", "GENEVA"), org("UN", "UN")}},
		{"future in a reason clause", "Brazil abstained because the text would not protect its farmers.",
			[]ent{state("Brazil", "BRA")}},
	}
	x := newExtractor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith(t, tc.text, tc.ents...)
			if err := x.Extract(d); err != nil {
				t.Fatalf("Extract(%q): %v", tc.text, err)
			}
			if rows := got(d); len(rows) > 0 {
				t.Errorf("Extract(%q) = %v; want no rows", tc.text, rows)
			}
		})
	}
}

// TestRowsWellFormed checks what every row of the gold articles carries:
// ids, offsets inside the sentence, evidence, PLOVER codes, non-nil slices.
func TestRowsWellFormed(t *testing.T) {
	x := newExtractor(t)
	for _, a := range readGold(t) {
		d := goldDoc(t, a)
		if err := x.Extract(d); err != nil {
			t.Fatal(err)
		}
		n := int32(len([]rune(a.Text)))
		check := func(kind string, id string, si, start, end int32, actors, targets []string, plover, cameo, evidence string, conf float32) {
			t.Helper()
			if id != a.ID {
				t.Errorf("%s %s: article id %q", a.ID, kind, id)
			}
			if start < 0 || end > n || start >= end {
				t.Errorf("%s %s: span [%d,%d) outside text of %d code points", a.ID, kind, start, end, n)
			}
			s := d.Sentences[si]
			if start < d.CP(s.Start) || end > d.CP(s.End) {
				t.Errorf("%s %s: span [%d,%d) outside its sentence %d", a.ID, kind, start, end, si)
			}
			if len(actors) == 0 || targets == nil {
				t.Errorf("%s %s: actors %v, targets %v", a.ID, kind, actors, targets)
			}
			if plover == "" || cameo == "" {
				t.Errorf("%s %s [%d,%d): no PLOVER type or CAMEO code", a.ID, kind, start, end)
			}
			if evidence != a.Text[s.Start:s.End] {
				t.Errorf("%s %s: evidence %q is not the sentence", a.ID, kind, evidence)
			}
			if conf <= 0 || conf > 1 {
				t.Errorf("%s %s: confidence %v", a.ID, kind, conf)
			}
		}
		for _, c := range d.Commitments {
			check("commitment", c.ArticleID, c.SentenceIndex, c.Start, c.End, c.ActorIDs, c.TargetIDs, c.PloverType, c.CameoCode, c.Evidence, c.Confidence)
			if c.Action == "" || c.Trigger == "" {
				t.Errorf("%s commitment %q: empty action or trigger", a.ID, c.Evidence)
			}
		}
		for _, p := range d.Positions {
			check("position", p.ArticleID, p.SentenceIndex, p.Start, p.End, p.ActorIDs, p.TargetIDs, p.PloverType, p.CameoCode, p.Evidence, p.Confidence)
			if p.Topic == "" || p.Trigger == "" {
				t.Errorf("%s position %q: empty topic or trigger", a.ID, p.Evidence)
			}
		}
	}
}

// TestExtractEmpty checks documents without sentences, tokens or mentions.
func TestExtractEmpty(t *testing.T) {
	x := newExtractor(t)
	for _, d := range []*extractors.Doc{
		{},
		newDoc(t, "empty", ""),
		newDoc(t, "plain", "The leaders condemned the attack."),
	} {
		if err := x.Extract(d); err != nil {
			t.Errorf("Extract(%q): %v", d.Article.Text, err)
		}
	}
	if err := x.Extract(nil); err != nil {
		t.Errorf("Extract(nil): %v", err)
	}
}

// TestTopicFiller checks that topics drop adverbials of time and degree.
func TestTopicFiller(t *testing.T) {
	tests := []struct {
		name, text, want string
		ents             []ent
	}{
		{"degree before the object", "Peru condemned in the strongest terms the attack on its consulate.",
			"the attack on its consulate", []ent{state("Peru", "PER")}},
		{"time after the object", "Chile expressed concern over the flooding on Monday at the border.",
			"the flooding", []ent{state("Chile", "CHL")}},
	}
	x := newExtractor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith(t, tc.text, tc.ents...)
			if err := x.Extract(d); err != nil {
				t.Fatalf("Extract(%q): %v", tc.text, err)
			}
			if len(d.Positions) != 1 || d.Positions[0].Topic != tc.want {
				t.Errorf("Extract(%q) = %+v; want one position with topic %q", tc.text, d.Positions, tc.want)
			}
		})
	}
}
