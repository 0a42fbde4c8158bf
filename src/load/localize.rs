//! The words of the interface, from Project Fluent files `i18n/<lang>/*.ftl`.
//!
//! A message missing in a language falls back to the reference language (and `check` says so);
//! citation and cross-reference styles are messages too, so each language sets its own
//! punctuation, e.g. French "(VPs : 4)" and Chinese "（VPs：4）".

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::diagnostics::{Diagnostics, LineIndex};
use crate::load::config::Config;

/// Declares `Msg`: the interface texts the Rust code asks for, each with its Fluent id.
macro_rules! messages {
    ($($name:ident = $id:literal,)*) => {
        /// Every interface text the Rust code uses (templates' own are found in the templates).
        /// Code can only ask for these, and `check` verifies each in the reference language, so
        /// no page can show a raw id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name,)* }

        impl Msg {
            pub const ALL: &[Msg] = &[$(Msg::$name,)*];

            pub fn id(self) -> &'static str {
                match self { $(Msg::$name => $id,)* }
            }
        }
    };
}

messages! {
    LanguageName = "language-name",
    ChooseLanguage = "choose-language",
    ToolkitShort = "toolkit-short",
    Home = "home",
    ChapterShort = "chapter-short",
    CiteGroup = "cite-group",
    CiteSeparator = "cite-separator",
    CitePart = "cite-part",
    CiteLocator = "cite-locator",
    CiteLocatorSeparator = "cite-locator-separator",
    RefChapter = "ref-chapter",
    RefSection = "ref-section",
    RefChallenge = "ref-challenge",
    RefGoodPractice = "ref-good-practice",
    RefCaseStudy = "ref-case-study",
    Forthcoming = "forthcoming",
    ForthcomingNote = "forthcoming-note",
    NoteCall = "note-call",
    ChapterHeading = "chapter-heading",
    SectionHeading = "section-heading",
    ChallengeHeading = "challenge-heading",
    CaseStudies = "case-studies",
    Sources = "sources",
    Glossary = "glossary",
    HandoutPageRef = "handout-page-ref",
    HandoutPage = "handout-page",
    HandoutRunningHead = "handout-running-head",
    StatusTitle = "status-title",
    Search = "search",
    SearchResults = "search-results",
    OfflinePageTitle = "offline-page-title",
    LabelSeparator = "label-separator",
    SearchKindChallenge = "search-kind-challenge",
    SearchKindGoodPractice = "search-kind-good-practice",
    SearchKindBox = "search-kind-box",
    SearchKindCaseStudy = "search-kind-case-study",
    SearchKindSource = "search-kind-source",
    Date = "date",
    Month1 = "month-1",
    Month2 = "month-2",
    Month3 = "month-3",
    Month4 = "month-4",
    Month5 = "month-5",
    Month6 = "month-6",
    Month7 = "month-7",
    Month8 = "month-8",
    Month9 = "month-9",
    Month10 = "month-10",
    Month11 = "month-11",
    Month12 = "month-12",
    ListSeparator = "list-separator",
    ChangesHeading = "changes-heading",
    ChangesPractices = "changes-practices",
    ChangesReworded = "changes-reworded",
    ChangesNew = "changes-new",
    ChangesDropped = "changes-dropped",
    ChangesMerged = "changes-merged",
    ChangesSplit = "changes-split",
    ChangesMoved = "changes-moved",
    ChangesUnchanged = "changes-unchanged",
}

impl Msg {
    /// The name of month `number` (1 to 12).
    pub fn month(number: u32) -> Msg {
        const MONTHS: [Msg; 12] = [
            Msg::Month1,
            Msg::Month2,
            Msg::Month3,
            Msg::Month4,
            Msg::Month5,
            Msg::Month6,
            Msg::Month7,
            Msg::Month8,
            Msg::Month9,
            Msg::Month10,
            Msg::Month11,
            Msg::Month12,
        ];
        MONTHS[(number.clamp(1, 12) - 1) as usize]
    }
}

pub struct Localizer {
    default: String,
    bundles: BTreeMap<String, FluentBundle<FluentResource>>,
    /// Message ids per language, with the file that defines each.
    messages: BTreeMap<String, BTreeMap<String, PathBuf>>,
    /// The variables (`{ $name }`) each message uses, per language, with the message's line.
    variables: BTreeMap<String, BTreeMap<String, (BTreeSet<String>, Option<u32>)>>,
    /// Messages that could not be written while rendering (language, id, why), so that a page
    /// never silently shows a raw id or a "{ -term }": the build reports them.
    failures: Mutex<BTreeSet<(String, String, String)>>,
    /// Languages with an .ftl file that could not be read (already reported).
    unreadable: BTreeSet<String>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").field("languages", &self.messages.keys().collect::<Vec<_>>()).finish()
    }
}

impl Localizer {
    pub fn load(root: &Path, config: &Config, diagnostics: &Diagnostics) -> Localizer {
        let mut bundles = BTreeMap::new();
        let mut messages = BTreeMap::new();
        let mut variables = BTreeMap::new();
        let mut unreadable_languages = BTreeSet::new();
        for language in &config.languages {
            let id: unic_langid::LanguageIdentifier = language.tag.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks would end up inside attributes and the search index.
            bundle.set_use_isolating(false);
            let mut ids: BTreeMap<String, PathBuf> = BTreeMap::new();
            let mut uses = BTreeMap::new();
            let folder = Path::new("i18n").join(&language.code);
            let mut unreadable = false;
            let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(&folder))
                .map(|entries| entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "ftl")).collect())
                .unwrap_or_default();
            // Links are not followed, as in content/.
            files.retain(|path| {
                let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
                if link {
                    diagnostics.push(crate::load::text_file::symlink_refused(&folder.join(path.file_name().unwrap_or_default())));
                }
                !link
            });
            files.sort();
            if files.is_empty() {
                diagnostics.warning(
                    &folder,
                    None,
                    format!(
                        "There are no interface texts (.ftl files) for \"{}\": menus and labels will be in the reference language.",
                        language.code
                    ),
                );
            }
            for path in files {
                let file = folder.join(path.file_name().unwrap_or_default());
                let text = match crate::load::text_file::read(root, &file) {
                    Ok(text) => text,
                    Err(problem) => {
                        diagnostics.push(problem);
                        unreadable = true;
                        continue;
                    }
                };
                let index = LineIndex::new(&text);
                let resource = match FluentResource::try_new(text.clone()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        for error in errors {
                            diagnostics.error(
                                &file,
                                Some(index.line_of(error.pos.start)),
                                format!("This line is not valid Fluent: {}. A message is written as name = text; a continuation line starts with spaces.", error.kind),
                            );
                        }
                        resource
                    }
                };
                for message in source_messages(&text) {
                    let name = message.id.to_string();
                    if let Some(first) = ids.get(&name) {
                        diagnostics.error(
                            &file,
                            Some(message.line),
                            format!(
                                "The message \"{name}\" is defined twice (also in {}). Keep one.",
                                crate::diagnostics::display_path(first)
                            ),
                        );
                    } else {
                        let mut variables = message_variables(&message.message);
                        if language.code == config.default_language {
                            // The reference may document variables it does not use itself.
                            variables.extend(message.documented_variables());
                        }
                        uses.insert(name.clone(), (variables, Some(message.line)));
                        ids.insert(name, file.clone());
                    }
                }
                // Duplicates were reported above; the first definition wins.
                let _ = bundle.add_resource(resource);
            }
            if unreadable {
                // Reported above; its messages are not "untranslated", the file must be fixed.
                unreadable_languages.insert(language.code.clone());
            }
            bundles.insert(language.code.clone(), bundle);
            messages.insert(language.code.clone(), ids);
            variables.insert(language.code.clone(), uses);
        }
        Localizer {
            default: config.default_language.clone(),
            bundles,
            messages,
            variables,
            unreadable: unreadable_languages,
            failures: Mutex::new(BTreeSet::new()),
        }
    }

    /// An interface text the code uses, in `lang` or in the reference language.
    pub fn get(&self, lang: &str, msg: Msg, args: &[(&str, FluentValue<'_>)]) -> String {
        self.get_id(lang, msg.id(), args)
    }

    /// The message `id` (named in a template) in `lang`, or in the reference language. A message
    /// neither has, or one that cannot be written, is recorded as a failure of the build.
    pub fn get_id(&self, lang: &str, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        for code in [lang, self.default.as_str()] {
            let Some(bundle) = self.bundles.get(code) else { continue };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { continue };
            let mut fluent_args = FluentArgs::new();
            for (name, value) in args {
                fluent_args.set(*name, value.clone());
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
            if let Some(error) = errors.first() {
                self.fail(code, id, &error.to_string());
            }
            return text;
        }
        self.fail(lang, id, "it is defined in no .ftl file");
        id.to_string()
    }

    fn fail(&self, lang: &str, id: &str, why: &str) {
        self.failures.lock().unwrap_or_else(|e| e.into_inner()).insert((lang.to_string(), id.to_string(), why.to_string()));
    }

    /// Messages that could not be written while rendering, as errors on their language's files.
    pub fn report_failures(&self, diagnostics: &Diagnostics) {
        for (lang, id, why) in self.failures.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            let file = self.messages.get(lang).and_then(|ids| ids.get(id)).cloned().unwrap_or_else(|| Path::new("i18n").join(lang));
            let line = self.variables.get(lang).and_then(|v| v.get(id)).and_then(|(_, line)| *line);
            diagnostics.error(file, line, format!("The interface text \"{id}\" could not be written: {why}."));
        }
    }

    /// Shorthand for a message with text arguments.
    pub fn text(&self, lang: &str, msg: Msg, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = args.iter().map(|(k, v)| (*k, FluentValue::from(*v))).collect();
        self.get(lang, msg, &args)
    }

    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.messages.get(lang).is_some_and(|ids| ids.contains_key(id))
    }

    /// Message ids of the reference language, with their file.
    pub fn reference_messages(&self) -> &BTreeMap<String, PathBuf> {
        &self.messages[&self.default]
    }

    /// Messages the reference language has and `lang` lacks.
    pub fn missing(&self, lang: &str) -> Vec<(&str, &Path)> {
        let have = self.messages.get(lang);
        self.reference_messages()
            .iter()
            .filter(|(id, _)| !have.is_some_and(|ids| ids.contains_key(id.as_str())))
            .map(|(id, file)| (id.as_str(), file.as_path()))
            .collect()
    }

    /// Messages of `lang` that the reference language does not have (probably misspelt).
    pub fn extra(&self, lang: &str) -> Vec<(&str, &Path)> {
        let reference = self.reference_messages();
        self.messages
            .get(lang)
            .map(|ids| {
                ids.iter().filter(|(id, _)| !reference.contains_key(id.as_str())).map(|(id, f)| (id.as_str(), f.as_path())).collect()
            })
            .unwrap_or_default()
    }

    /// Reports what each translation lacks, and messages the site needs that the reference lacks.
    pub fn check(&self, required: &BTreeSet<String>, diagnostics: &Diagnostics) {
        let folder = Path::new("i18n").join(&self.default);
        for id in required {
            if !self.has(&self.default, id) {
                diagnostics.error(
                    &folder,
                    None,
                    format!(
                        "The interface text \"{id}\" is used by the site but defined in no .ftl file of {}.",
                        crate::diagnostics::display_path(&folder)
                    ),
                );
            }
        }
        for lang in self.messages.keys() {
            self.check_formatting(lang, diagnostics);
        }
        for lang in self.messages.keys().filter(|l| **l != self.default && !self.unreadable.contains(*l)) {
            // One line per file: a translator starting a language should not get sixty.
            let mut missing_by_file: BTreeMap<PathBuf, Vec<&str>> = BTreeMap::new();
            for (id, english_file) in self.missing(lang) {
                let file = Path::new("i18n").join(lang).join(english_file.file_name().unwrap_or_default());
                missing_by_file.entry(file).or_default().push(id);
            }
            for (file, ids) in missing_by_file {
                let what = if ids.len() == 1 {
                    format!("The interface text \"{}\" is", ids[0])
                } else {
                    format!("{} interface texts are", ids.len())
                };
                diagnostics.warning(
                    file,
                    None,
                    format!("{what} not translated yet; the {} text is shown instead: {}.", self.default, ids.join(", ")),
                );
            }
            self.check_variables(lang, diagnostics);
            for (id, file) in self.extra(lang) {
                diagnostics.warning(
                    file,
                    None,
                    format!("The interface text \"{id}\" does not exist in {}: check its name (it is not used).", self.default),
                );
            }
        }
    }

    /// Writes every message once, with every variable given, so that a reference to a message
    /// or term that does not exist, or a message that refers to itself, is an error on its line
    /// (readers would see "{ -term }" or the message's id).
    fn check_formatting(&self, lang: &str, diagnostics: &Diagnostics) {
        let bundle = &self.bundles[lang];
        for (id, (used, line)) in &self.variables[lang] {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { continue };
            let mut args = FluentArgs::new();
            for name in used {
                args.set(name.as_str(), FluentValue::from("x"));
            }
            let mut errors = Vec::new();
            let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
            if let Some(error) = errors.first() {
                diagnostics.error(
                    &self.messages[lang][id],
                    *line,
                    format!("The interface text \"{id}\" cannot be written: {}. A {{ name }} inside a text must be the name of another text of the same file (or a -term defined in it), and a text cannot contain itself.", explain_fluent_error(error)),
                );
            }
        }
    }

    /// A variable the site does not pass would be shown to readers as "{$name}".
    fn check_variables(&self, lang: &str, diagnostics: &Diagnostics) {
        let reference = &self.variables[&self.default];
        for (id, (used, line)) in &self.variables[lang] {
            let Some((expected, _)) = reference.get(id) else { continue };
            let unknown: Vec<String> = used.difference(expected).map(|v| format!("{{ ${v} }}")).collect();
            if unknown.is_empty() {
                continue;
            }
            let english = if expected.is_empty() {
                "none".to_string()
            } else {
                expected.iter().map(|v| format!("{{ ${v} }}")).collect::<Vec<_>>().join(", ")
            };
            diagnostics.error(
                &self.messages[lang][id],
                *line,
                format!(
                    "The interface text \"{id}\" uses {}, which the site does not provide (English uses {english}). Keep the names inside {{ $… }} exactly as in English.",
                    unknown.join(", ")
                ),
            );
        }
    }
}

/// The formatter's error in a translator's words.
fn explain_fluent_error(error: &fluent_bundle::FluentError) -> String {
    use fluent_bundle::resolver::{ResolverError, errors::ReferenceKind};
    match error {
        fluent_bundle::FluentError::ResolverError(ResolverError::Reference(kind)) => match kind {
            ReferenceKind::Message { id, .. } => format!("it refers to {{ {id} }}, which does not exist"),
            ReferenceKind::Term { id, .. } => format!("it refers to the term {{ -{id} }}, which does not exist"),
            ReferenceKind::Variable { id } => format!("the site does not provide {{ ${id} }}"),
            ReferenceKind::Function { id } => format!("there is no function {id}()"),
        },
        fluent_bundle::FluentError::ResolverError(ResolverError::Cyclic) => "it contains itself, through the texts it refers to".into(),
        other => other.to_string(),
    }
}

/// The names of the variables a message uses, in its value, attributes and plural variants.
fn message_variables(message: &ast::Message<&str>) -> BTreeSet<String> {
    fn in_pattern(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                in_expression(expression, found);
            }
        }
    }
    fn in_expression(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                in_inline(selector, found);
                for variant in variants {
                    in_pattern(&variant.value, found);
                }
            }
            ast::Expression::Inline(inline) => in_inline(inline, found),
        }
    }
    fn in_inline(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value)) {
                    in_inline(argument, found);
                }
            }
            ast::InlineExpression::Placeable { expression } => in_expression(expression, found),
            _ => {}
        }
    }
    let mut found = BTreeSet::new();
    for pattern in message.value.iter().chain(message.attributes.iter().map(|a| &a.value)) {
        in_pattern(pattern, &mut found);
    }
    found
}

/// One message of a Fluent file as it is written there.
#[derive(Debug)]
pub struct SourceMessage<'s> {
    pub id: &'s str,
    /// The line of its name (1-based).
    pub line: u32,
    /// Its text in the file, from its name to its end (without the comment lines above it).
    pub source: &'s str,
    /// Its syntax tree, with the comment lines just above it.
    pub message: ast::Message<&'s str>,
}

impl SourceMessage<'_> {
    /// Variables named in the comment just above the message, e.g.
    /// "# $month-number: the month, 1 to 12".
    pub fn documented_variables(&self) -> BTreeSet<String> {
        self.message
            .comment
            .iter()
            .flat_map(|comment| comment.content.iter())
            .flat_map(|line| line.split('$').skip(1))
            .map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect::<String>())
            .filter(|name| !name.is_empty())
            .collect()
    }
}

/// The messages of a Fluent text in their order, with where each is written (the runtime
/// parser keeps neither comments nor places). Lines that are not valid Fluent are left out:
/// loading the file reports them.
pub fn source_messages(text: &str) -> Vec<SourceMessage<'_>> {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(resource, _)| resource);
    // The parser's slices point into `text`: their addresses give the places.
    let offset = |slice: &str| (slice.as_ptr() as usize).checked_sub(text.as_ptr() as usize).filter(|o| *o <= text.len());
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let comment_start = |comment: &Option<ast::Comment<&str>>| comment.as_ref().and_then(|c| c.content.first()).and_then(|l| offset(l));
    let starts: Vec<Option<usize>> = resource
        .body
        .iter()
        .map(|entry| match entry {
            ast::Entry::Message(m) => comment_start(&m.comment).or_else(|| offset(m.id.name)),
            ast::Entry::Term(t) => comment_start(&t.comment).or_else(|| offset(t.id.name)),
            ast::Entry::Comment(c) | ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => {
                c.content.first().and_then(|l| offset(l))
            }
            ast::Entry::Junk { content } => offset(content),
        })
        .map(|start| start.map(line_start))
        .collect();
    let index = LineIndex::new(text);
    let mut messages = Vec::new();
    for (at, entry) in resource.body.into_iter().enumerate() {
        let ast::Entry::Message(message) = entry else { continue };
        let Some(start) = offset(message.id.name) else { continue };
        let end = starts[at + 1..].iter().flatten().next().copied().unwrap_or(text.len()).max(start);
        messages.push(SourceMessage { id: message.id.name, line: index.line_of(start), source: text[start..end].trim_end(), message });
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_with_their_line_source_and_documented_variables() {
        let text = "# translates: 0123456789abcdef\n\n## Group\n# { $position }: start or inside.\nref = Chapter { $number }\n\nplural = { $count ->\n    [one] One\n   *[other] Many\n}\n# A note.\nlast = Last\n";
        let messages = source_messages(text);
        let ids: Vec<&str> = messages.iter().map(|m| m.id).collect();
        assert_eq!(ids, ["ref", "plural", "last"]);
        assert_eq!(messages.iter().map(|m| m.line).collect::<Vec<_>>(), [5, 7, 12]);
        assert_eq!(messages[0].source, "ref = Chapter { $number }");
        assert_eq!(messages[1].source, "plural = { $count ->\n    [one] One\n   *[other] Many\n}");
        assert_eq!(messages[0].documented_variables().into_iter().collect::<Vec<_>>(), ["position"]);
        assert!(messages[2].documented_variables().is_empty());
    }
}
