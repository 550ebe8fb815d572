//! Finds entity mentions in the story blocks and groups them into article-level entities.
//!
//! Candidates come from two places: known forms (`gazetteer`: countries, demonyms, places,
//! organisations, outlets, caller entities) and runs of capitalised words (`candidates`),
//! with sentence-initial words, titles and possessives handled there. `typing` decides what
//! an unknown run is from evidence (titles, given names, organisation heads, speech verbs);
//! `coref` joins partial names, surnames and acronyms to their fullest form in the article;
//! `teams` makes a city used as a club ("Porto striker") an organisation; `link` gives
//! corpus-wide ids. Title-case headlines carry no case evidence, so they only
//! get known forms and names already found in the body.

pub mod candidates;
pub mod coref;
pub mod gazetteer;
pub mod learned;
pub mod link;
pub mod states;
pub mod tag_features;
pub mod tagger;
pub mod teams;
pub mod tokens;
pub mod typing;

use crate::model::{Block, Entity, EntityType, Mention, Span};
use gazetteer::Gazetteer;
use std::sync::{Arc, OnceLock};

/// Entities a caller supplies (a watch list); they win over the built-in gazetteers.
#[derive(Clone, Default)]
pub struct CustomEntities {
    pub entries: Vec<CustomEntity>,
    cache: Arc<OnceLock<Gazetteer>>,
}

impl CustomEntities {
    pub fn new(entries: Vec<CustomEntity>) -> Self {
        CustomEntities {
            entries,
            cache: Arc::default(),
        }
    }
}

impl std::fmt::Debug for CustomEntities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CustomEntities")
            .field("entries", &self.entries)
            .finish()
    }
}

/// One caller-supplied entity.
#[derive(Debug, Clone)]
pub struct CustomEntity {
    pub name: String,
    pub etype: EntityType,
    pub aliases: Vec<String>,
}

/// A mention before article-level grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMention {
    pub span: Span,
    pub text: String,
    /// `None` while only coreference can tell (a lone capitalised word).
    pub etype: Option<EntityType>,
    /// Canonical name when a gazetteer knows it.
    pub known_name: Option<String>,
    pub role: Option<String>,
    /// Followed by a reporting verb ("Heckl told"): evidence for a person.
    pub speaks: bool,
    /// Country of a known demonym, city or region.
    pub country: Option<String>,
    /// The trained tagger's type for this span: what coreference falls back on when no
    /// rule types the mention and no name it joins does.
    pub learned: Option<EntityType>,
}

/// Which blocks entities are looked for in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// Title, subtitle, headings and body: the story, what the frames promise by default.
    #[default]
    Story,
    /// Every block, captions, bylines, lists and results lines too (wire copy keeps
    /// much of its news in lines that are no prose).
    All,
}

/// Article-level entities and their mentions in the story blocks, in reading order.
pub fn extract(blocks: &[Block], custom: &CustomEntities) -> (Vec<Entity>, Vec<Mention>) {
    extract_in(blocks, custom, Scope::Story)
}

/// Article-level entities and their mentions in the blocks `scope` names, in reading order.
pub fn extract_in(
    blocks: &[Block],
    custom: &CustomEntities,
    scope: Scope,
) -> (Vec<Entity>, Vec<Mention>) {
    let gazetteer = custom.gazetteer();
    let story = candidates::story(blocks, scope);
    let mut raw = candidates::find(blocks, &story, gazetteer);
    teams::retype(blocks, &mut raw);
    learned::combine(blocks, &story, gazetteer, &mut raw);
    coref::group(blocks, raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn run(texts: &[&str]) -> (Vec<Entity>, Vec<Mention>) {
        let blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block {
                text: t.to_string(),
                role: Role::Body,
            })
            .collect();
        extract(&blocks, &CustomEntities::default())
    }

    fn typed(texts: &[&str]) -> Vec<(String, String, &'static str)> {
        let (entities, mentions) = run(texts);
        mentions
            .iter()
            .map(|m| {
                (
                    m.text.clone(),
                    entities[m.entity].name.clone(),
                    entities[m.entity].etype.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn teams_universities_and_groups() {
        let t = typed(&[
            "Minor played for the Montreal Expos and later coached at the University of Nairobi Athletics Department.",
            "Tory MPs said the plan was weak.",
        ]);
        assert!(
            t.contains(&("Montreal Expos".into(), "Montreal Expos".into(), "ORG")),
            "{t:?}"
        );
        assert!(
            t.iter().any(
                |(text, _, ty)| text == "University of Nairobi Athletics Department"
                    && *ty == "ORG"
            ),
            "{t:?}"
        );
        assert!(
            !t.iter()
                .any(|(text, _, ty)| text.contains("MPs") && *ty == "PERSON"),
            "{t:?}"
        );
    }

    #[test]
    fn unlisted_names_and_names_that_start_with_a_place_are_people() {
        let t = typed(&[
            "The squad includes Gheorghe Hagi and Basarab Panduru this year.",
            "The ball slipped past goalkeeper Salem Bitar in the last minute.",
        ]);
        for name in ["Gheorghe Hagi", "Basarab Panduru", "Salem Bitar"] {
            assert!(
                t.contains(&(name.into(), name.into(), "PERSON")),
                "{name}: {t:?}"
            );
        }
        assert!(!t.iter().any(|x| x.0 == "Salem"), "{t:?}");
    }

    #[test]
    fn a_city_used_as_a_club_is_the_club_throughout() {
        let t = typed(&[
            "Portugal called up Porto central defender Joao Pinto on Friday.",
            "He faces Porto again on Sunday, and joined Turkish club Galatasaray.",
        ]);
        let porto: Vec<_> = t.iter().filter(|x| x.0 == "Porto").collect();
        assert_eq!(porto.len(), 2, "{t:?}");
        assert!(porto.iter().all(|x| x.2 == "ORG"), "{t:?}");
        assert!(
            t.contains(&("Galatasaray".into(), "Galatasaray".into(), "ORG")),
            "{t:?}"
        );
        assert!(t.iter().any(|x| x.0 == "Portugal" && x.2 == "GPE"), "{t:?}");
    }

    #[test]
    fn organisations_by_prefix_short_name_and_bracketed_acronym() {
        let (e, m) = run(&[
            "Newmont Mining Corp made a bid, and Real Madrid lost to AC Milan.",
            "Analysts said Newmont and the ruling Civic Democratic Party (ODS) agreed. The ODS met.",
        ]);
        let entity_of = |text: &str| {
            let found: Vec<_> = m.iter().filter(|x| x.text == text).collect();
            assert!(!found.is_empty(), "{text} not found: {m:?}");
            &e[found[0].entity]
        };
        assert_eq!(entity_of("Newmont").name, "Newmont Mining Corp");
        assert_eq!(entity_of("ODS").name, "Civic Democratic Party");
        let ods: Vec<_> = m.iter().filter(|x| x.text == "ODS").collect();
        assert_eq!(ods.len(), 2);
        assert_eq!(ods[0].entity, ods[1].entity);
        assert_eq!(entity_of("Real Madrid").etype, EntityType::Org);
        assert_eq!(entity_of("AC Milan").etype, EntityType::Org);
    }

    #[test]
    fn religions_and_ethnic_groups_are_norp() {
        assert_found(
            &["The Catholic bishop met Jewish leaders, Sunni clerics and Hispanic voters."],
            &[
                ("Catholic", "NORP"),
                ("Jewish", "NORP"),
                ("Sunni", "NORP"),
                ("Hispanic", "NORP"),
            ],
        );
    }

    /// Asserts that each expected text was found, named as written, with its type.
    fn assert_found(texts: &[&str], expected: &[(&str, &str)]) {
        let t = typed(texts);
        for &(text, ty) in expected {
            assert!(
                t.iter().any(|x| x.0 == text && x.1 == text && x.2 == ty),
                "{text} as {ty}: {t:?}"
            );
        }
    }

    #[test]
    fn an_organisation_then_its_officer() {
        assert_found(
            &["He met Republican National Committee Chair Ronna McDaniel on Monday."],
            &[
                ("Republican National Committee", "ORG"),
                ("Ronna McDaniel", "PERSON"),
            ],
        );
    }

    #[test]
    fn a_capitalised_particle_opens_a_name_at_a_sentence_start() {
        assert_found(
            &["Van Boxmeer said sales would rise."],
            &[("Van Boxmeer", "PERSON")],
        );
    }

    #[test]
    fn a_platform_posted_on_is_an_organisation_and_joins_its_full_name() {
        let (e, m) = run(&[
            "The company, then called Twitter, was renamed X Corp last year.",
            "Her brother posted on X that he was proud, and she wrote on Substack about it.",
        ]);
        let x = m.iter().find(|m| m.text == "X").expect("X found");
        assert_eq!(e[x.entity].name, "X Corp");
        let substack = m
            .iter()
            .find(|m| m.text == "Substack")
            .expect("Substack found");
        assert_eq!(e[substack.entity].etype, EntityType::Org);
    }

    #[test]
    fn a_sovereigns_title_is_part_of_the_name() {
        let (e, m) = run(&[
            "King Charles met President Joe Biden in London.",
            "Charles later thanked Biden.",
        ]);
        let charles: Vec<_> = m.iter().filter(|m| m.text.contains("Charles")).collect();
        assert_eq!(charles.len(), 2, "{m:?}");
        assert_eq!(charles[0].text, "King Charles");
        assert_eq!(charles[0].entity, charles[1].entity);
        assert_eq!(e[charles[0].entity].etype, EntityType::Person);
        let biden = m.iter().find(|m| m.text.contains("Biden")).unwrap();
        assert_eq!(biden.text, "Joe Biden");
    }

    #[test]
    fn a_state_abbreviated_after_a_town_is_the_state() {
        let (e, m) = run(&[
            "Florida voters met in Seattle, Fla., on Monday.",
            "She grew up in Tacoma, Wash., and later moved.",
        ]);
        let fla = m.iter().find(|m| m.text == "Fla.").expect("Fla. found");
        let florida = m.iter().find(|m| m.text == "Florida").unwrap();
        assert_eq!(fla.entity, florida.entity);
        let wash = m.iter().find(|m| m.text == "Wash.").expect("Wash. found");
        assert_eq!(e[wash.entity].name, "Washington");
        assert_eq!(e[wash.entity].etype, EntityType::Gpe);
    }

    #[test]
    fn a_numbered_team_name_is_one_organisation() {
        assert_found(
            &["He was drafted by the Philadelphia 76ers in 1996."],
            &[("Philadelphia 76ers", "ORG")],
        );
    }

    #[test]
    fn a_club_named_short_is_the_club() {
        let (e, m) = run(&[
            "He joined the Baltimore Orioles in 1996.",
            "“He was one of us,” the Orioles said in a statement.",
        ]);
        let orioles: Vec<_> = m.iter().filter(|m| m.text.contains("Orioles")).collect();
        assert_eq!(orioles.len(), 2);
        assert_eq!(orioles[0].entity, orioles[1].entity);
        assert_eq!(e[orioles[0].entity].name, "Baltimore Orioles");
    }

    #[test]
    fn titled_person_and_surname_are_one_entity() {
        let (e, m) = run(&[
            "President Vladimir Putin met the envoy.",
            "Putin's aides said Putin was pleased.",
        ]);
        let putin: Vec<_> = m
            .iter()
            .filter(|m| m.text == "Putin" || m.text == "Vladimir Putin")
            .collect();
        assert_eq!(putin.len(), 3);
        assert!(putin.iter().all(|x| x.entity == putin[0].entity));
        assert_eq!(e[putin[0].entity].name, "Vladimir Putin");
        assert_eq!(putin[0].role.as_deref(), Some("President"));
    }

    #[test]
    fn given_name_and_surname_parts_join_the_full_name() {
        let (e, m) = run(&[
            "Foreign Minister Wang Yi arrived on Monday.",
            "Wang met officials. Later Yi left.",
        ]);
        let ids: Vec<usize> = m
            .iter()
            .filter(|m| ["Wang Yi", "Wang", "Yi"].contains(&m.text.as_str()))
            .map(|m| m.entity)
            .collect();
        assert_eq!(ids.len(), 3);
        assert!(ids.iter().all(|&i| i == ids[0]));
        assert_eq!(e[ids[0]].etype, EntityType::Person);
    }

    #[test]
    fn different_given_names_stay_apart() {
        let (_, m) = run(&["Chinese diplomat Wang Yi met Vice Premier Wang Yang in Beijing."]);
        let yi = m.iter().find(|m| m.text == "Wang Yi").unwrap().entity;
        let yang = m.iter().find(|m| m.text == "Wang Yang").unwrap().entity;
        assert_ne!(yi, yang);
    }

    #[test]
    fn country_forms_and_demonyms() {
        let t = typed(&[
            "The United States and the U.S. economy differ. US officials met Chinese envoys.",
        ]);
        assert!(t.contains(&("United States".into(), "United States".into(), "GPE")));
        assert!(
            t.contains(&("U.S.".into(), "United States".into(), "GPE")),
            "{t:?}"
        );
        assert!(t.contains(&("US".into(), "United States".into(), "GPE")));
        assert!(t.contains(&("Chinese".into(), "Chinese".into(), "NORP")));
    }

    #[test]
    fn outlet_abbreviation_and_full_name() {
        let t = typed(&["The Wall Street Journal reported it first. The WSJ said more."]);
        assert!(
            t.iter()
                .filter(|x| x.1 == "The Wall Street Journal" && x.2 == "MEDIA")
                .count()
                == 2
        );
    }

    #[test]
    fn organisation_heads_and_acronyms() {
        let t = typed(&[
            "The Chinese Communist Party (CCP) met. The CCP agreed with the National Tea Council.",
        ]);
        assert!(t
            .iter()
            .any(|x| x.0 == "CCP" && x.1 == "Chinese Communist Party"));
        assert!(t
            .iter()
            .any(|x| x.0 == "National Tea Council" && x.2 == "ORG"));
    }

    #[test]
    fn sentence_initial_common_words_are_not_entities() {
        let t = typed(&["However, nothing happened. Meanwhile the talks stalled. Also the talks ended. Preparations continued. Doing so would hurt."]);
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn all_caps_and_menu_lines_give_nothing() {
        let t = typed(&[
            "BREAKING NEWS: SUBSCRIBE NOW FOR LATEST UPDATES",
            "Home News Sports Business Opinion",
        ]);
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn events_and_regions() {
        let t = typed(&[
            "Since World War Two, the West and Western allies have watched the Middle East.",
        ]);
        assert!(t.iter().any(|x| x.0 == "World War Two" && x.2 == "EVENT"));
        assert!(t
            .iter()
            .any(|x| x.0 == "Western" && x.1 == "the West" && x.2 == "LOC"));
        assert!(t
            .iter()
            .any(|x| x.0.ends_with("Middle East") && x.1 == "Middle East" && x.2 == "LOC"));
    }

    #[test]
    fn one_name_spans_and_or_an_ampersand_two_names_do_not() {
        let t = typed(&[
            "Officials of the National Telecommunications and Information Administration met the Center for Cognition and Sociality.",
            "She shopped at Bed Bath & Beyond before Harry & Meghan arrived.",
            "Staff of Apple and Google Foundation met Roush and Front Row Motorsports and the Ministry of Defence and Foreign Office.",
        ]);
        assert_found_in(
            &t,
            &[
                (
                    "National Telecommunications and Information Administration",
                    "ORG",
                ),
                ("Center for Cognition and Sociality", "ORG"),
                ("Bed Bath & Beyond", "ORG"),
                ("Ministry of Defence", "ORG"),
                ("Foreign Office", "ORG"),
                ("Apple", "ORG"),
            ],
        );
        assert!(!t.iter().any(|x| x.0.contains(" & Meghan")), "{t:?}");
        assert!(!t.iter().any(|x| x.0.starts_with("Roush and")), "{t:?}");
    }

    #[test]
    fn holidays_and_award_ceremonies_are_events() {
        assert_found(
            &["The Sony World Photography Awards were held before Christmas, and the World Baseball Classic after Thanksgiving."],
            &[
                ("Sony World Photography Awards", "EVENT"),
                ("Christmas", "EVENT"),
                ("World Baseball Classic", "EVENT"),
                ("Thanksgiving", "EVENT"),
            ],
        );
    }

    #[test]
    fn a_given_name_before_a_company_that_is_a_surname_is_a_person() {
        let (e, m) = run(&["Premier Doug Ford spoke on Monday.", "Later Ford said no."]);
        let ford: Vec<_> = m.iter().filter(|m| m.text.contains("Ford")).collect();
        assert_eq!(ford.len(), 2, "{m:?}");
        assert_eq!(ford[0].text, "Doug Ford");
        assert_eq!(ford[0].entity, ford[1].entity);
        assert_eq!(e[ford[0].entity].etype, EntityType::Person);
    }

    #[test]
    fn a_senator_of_a_state_and_a_party_tag_name_the_state() {
        let t =
            typed(&["Sen. Susan Collins of Maine met Sen. Mitch McConnell (R-Ky.) on Tuesday."]);
        assert_found_in(
            &t,
            &[
                ("Susan Collins", "PERSON"),
                ("Maine", "GPE"),
                ("Mitch McConnell", "PERSON"),
            ],
        );
        assert!(t.iter().any(|x| x.0 == "Ky." && x.1 == "Kentucky"), "{t:?}");
        assert!(!t.iter().any(|x| x.0.contains("R-Ky")), "{t:?}");
    }

    #[test]
    fn hyphenated_americans_and_government_bodies_with_their_country() {
        let t = typed(&[
            "Taiwanese American groups and Mexican-Americans wrote to the US Department of Agriculture.",
        ]);
        assert!(
            t.iter()
                .any(|x| x.0 == "Taiwanese American" && x.2 == "NORP"),
            "{t:?}"
        );
        assert!(
            t.iter()
                .any(|x| x.0 == "Mexican-Americans" && x.1 == "Mexican-American" && x.2 == "NORP"),
            "{t:?}"
        );
        assert!(
            t.iter()
                .any(|x| x.0 == "US Department of Agriculture" && x.2 == "ORG"),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.2 == "GPE"), "{t:?}");
    }

    /// Asserts that each expected text was found with its type, whatever its name.
    fn assert_found_in(t: &[(String, String, &'static str)], expected: &[(&str, &str)]) {
        for &(text, ty) in expected {
            assert!(
                t.iter().any(|x| x.0 == text && x.2 == ty),
                "{text} as {ty}: {t:?}"
            );
        }
    }

    #[test]
    fn demonym_ministry_is_an_organisation() {
        let t = typed(&["The Japanese foreign ministry has stated its position."]);
        assert!(
            t.iter().any(|x| x.0 == "Japanese foreign ministry"
                && x.1 == "Japanese Foreign Ministry"
                && x.2 == "ORG"),
            "{t:?}"
        );
    }
}
