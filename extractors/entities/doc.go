// Package entities tags entity mentions in a segmented article: states,
// organizations, armed groups, officials, named operations and places, each
// with a canonical id (see ../shared/CONTRACT.md).
//
// It runs first among the extractors, after segmentation, and appends
// extractors.Mention values to Doc.Mentions. The steps, one file each:
//
//   - units.go: tokens are split at dashes ("Tajik-Afghan", "Moscow-led")
//     into units with case-folded keys;
//   - match.go: one pass over the units walks a trie of every gazetteer
//     phrase (data/gazetteer) and keeps the longest match; organs named
//     without their body ("Security Council") count only where the body is
//     mentioned; acronyms defined in the text ("... States (ECOWAS)",
//     "Line of Control (LoC)") are learned for the article, and a name with
//     "Mission" or "Observer" before its acronym is one mission ("UN
//     Military Observer Group in India and Pakistan (UNMOGIP)") whose
//     affiliation is the body named inside it; an unknown acronym before
//     "rebels" or "militia" is a group ("the ADF rebels");
//   - discard.go: the same walk finds the discard phrases, which look
//     like actors but are not ("film festival"); no actor mention of any
//     step lies wholly inside one;
//   - operations.go: named operations after trigger nouns (operation
//     "Kanal", Operation Prosperity Guardian, mission EUNAVFOR Aspides);
//   - organs.go: organs no gazetteer lists, by the shape of their names
//     ("the Council of Commanders of Border Troops", "Iran's Supreme National
//     Security Council"), with the id of their body and their initials
//     (CIS_CCBT, IRN_SNSC);
//   - officials.go: names after titles (lexicon on snowball stems) with the
//     role and the state or body served, untitled names before speech verbs,
//     later surname-only mentions, well-known officials;
//   - places.go: places no gazetteer knows, from datelines ("ST. PETERSBURG,
//     December 25", and the agency of "MINSK. BELTA –"), head nouns
//     ("Second Thomas Shoal", "the Shardara reservoir") and "in Lodz";
//   - capitals.go: a capital is the state where it stands for the government
//     ("Kabul's statements", "Washington said", "the efforts of Moscow") and a
//     place otherwise.
//
// Everything is built in New; Extract allocates little and is safe for
// concurrent use. ProseBaseline wraps prose's own NER for comparison.
package entities
