# Interface texts of the toolkit site, in English.
# Translators: keep each name (left of =) as it is and translate the text on the right.
# { $name } is filled in by the site: keep it, you may move it. Lines starting with # are notes.

## The language
# The name of this language, written in this language (shown in the language menu).
language-name = English
choose-language = Choose your language

## Page layout
skip-to-content = Skip to main content
main-navigation = Main
language-menu = Language
breadcrumb = You are here
home = Home
contents = Contents
sources = Sources
glossary = Glossary
case-studies = Case studies
footer-about = A DCAF–ICRC toolkit.
toolkit-short = Security and human rights toolkit

## Headings
chapter-heading = Chapter { $number }. { $title }
section-heading = { $id } { $title }
challenge-heading = Challenge { $id }
challenge-label = Challenge
good-practices = Good practices
good-practice-number = Good practice { $number }
# Above a challenge's good practices: a list to jump to one of them.
practice-index = All { $count } good practices at a glance
notes = Notes
note-call = Note { $number }
back-to-text = Back to the text
statement-label = The challenge

## Lists and navigation
sections-in-chapter = Sections
challenges-in-section = Challenges
forthcoming = Forthcoming
forthcoming-section = This section is not published yet.
previous-challenge = Previous challenge
next-challenge = Next challenge
# In the footer, before the link "Save for offline reading" (shown where the browser can keep the site).
footer-offline = No connection where you work? This toolkit can be kept on this device.
# Above the list of a challenge's good practices beside the text, on wide screens.
on-this-page = On this page
back-to-top = Back to top
# The short form of a chapter's name, in the breadcrumb on phones and in the pager.
chapter-short = Chapter { $number }
# The name of the previous/next links at the foot of a page, for screen readers.
pager = Previous and next
previous-section = Previous section
next-section = Next section
previous-chapter = Previous chapter
next-chapter = Next chapter
chapter-forthcoming = This chapter is not published yet. Its sections will appear here when they are.
# After a cross-reference to a part not published yet; keep the space at the start if your language needs one.
forthcoming-note = {" "}(forthcoming)
print-chapter = Print this chapter
no-case-studies = There are no case studies yet.
chapter-case-studies = Case studies for this chapter

## Notices
fallback-notice = This page is not translated yet. You are reading the English text.
fallback-notice-link = Open the English page
not-prescriptive-marker = *
outdated-notice = This translation may not reflect the latest English text.
outdated-notice-link = Read the English page

## Sources page
sources-intro = The documents cited in the toolkit. Each citation in the text, such as “(VPs: 4)”, links here; the number after the colon is the page, paragraph or chapter of the document.
source-cited-in = Cited in
source-not-cited = Not cited in the published text yet.
source-online = Read it online
source-key = Short name

## Case studies
case-study-authors = Written by
case-study-link = Where to read it
case-study-referred-from = Referred to in

## Glossary
glossary-intro = Abbreviations and terms used in the toolkit.
abbreviations = Abbreviations
terms = Terms
term-in-english = In English

## Citations and cross-references
# How a citation looks: ({ $citations }) puts the brackets around one or more citations.
cite-group = ({ $citations })
# Between two citations inside the same brackets.
cite-separator = {"; "}
# A source and a named part of it, e.g. "CSBP, Flashpoint Issue 9".
cite-part = { $source }, { $part }
# A source and a place in it, e.g. "VPs: 4".
cite-locator = { $source }: { $locator }
# Between two places of one source, e.g. the pages in "IGTs: 14, 44".
cite-locator-separator = {", "}
# The automatic labels of cross-references [](ref:...). { $position } is "start" when the label
# begins a sentence and "inside" within one, for languages that write it differently there
# (e.g. French "Voir le défi 2.1.a" but "Défi 2.1.a" alone); English writes both the same.
ref-chapter = Chapter { $number }. { $title }
# { $position }: start or inside, as above.
ref-section = Section { $id }. { $title }
# { $position }: start or inside, as above.
ref-challenge = Challenge { $id }
# { $position }: start or inside, as above.
ref-good-practice = Challenge { $id }, good practice { $number }
# { $position }: start or inside, as above.
ref-case-study = { $title }

## Search
search = Search
search-label = Search the toolkit
search-placeholder = e.g. grievance mechanism
search-button = Search
search-results = { $count ->
    [0] No results for “{ $query }”.
    [one] 1 result for “{ $query }”.
   *[other] { $count } results for “{ $query }”.
}
search-filter-chapter = Chapter
search-all-chapters = All chapters
search-filter-edition = Edition
search-all-editions = All editions (current first)
search-edition-current = { $name } (current)
search-loading = Searching…
search-needs-script = Search needs JavaScript. Without it, use the contents or the glossary.
search-type-more = Type a word to search the challenges, good practices, boxes, case studies and sources.
search-kind-challenge = Challenge
search-kind-good-practice = Good practice
search-kind-box = Box
search-kind-case-study = Case study
search-kind-source = Source
search-some-words = No result contains all of “{ $query }”; showing results with some of them.
search-lacks = Does not contain: { $words }
search-did-you-mean = Did you mean “{ $suggestion }”?
search-unavailable = Search could not load. Check your connection and try again. To search without a connection, use “Save for offline reading” on the home page.
search-in-english = Search for “{ $query }” in the English text, the reference version
search-more = Show more results
search-tips = Search tips
search-tip-spelling = Check the spelling of each word.
search-tip-fewer = Use fewer words, or more general ones.
search-tip-phrase = Put an exact phrase in double quotes, for example “use of force”.
search-tip-glossary = Look up a term or an abbreviation in the glossary.

## Chapter handouts (printed)
handout-chapter = Chapter { $number }
handout-back = Back to the chapter
handout-tip = This page is made for printing: use your browser's Print command (Ctrl+P or ⌘P) or save it as PDF.
handout-language = Language: { $language }
handout-printed = Printed from the web edition on { $date }
handout-contents = Contents
handout-sources = Sources cited
handout-notes = Notes
handout-page = Page
# After a cross-reference to a part of the same handout, e.g. "see Challenge 3.7.b, p. 6".
handout-page-ref = , p. { $page }
handout-print = Print
# The size is in kilobytes, e.g. "Download PDF (412 KB)".
handout-download = Download PDF ({ $size } KB)
handout-publishers = Published by DCAF – Geneva Centre for Security Sector Governance and the International Committee of the Red Cross (ICRC)
handout-online = Online version:
# The running head of a printed handout's pages when the toolkit has several editions: { $chapter } is "Chapter 3. …", { $edition } the edition's name.
handout-running-head = { $chapter } – { $edition }
# On a later edition's handout: the link back to that edition's contents.
handout-back-edition = Back to the contents of this edition
# On the print page of a chapter a later edition revises: { $edition } is its name.
handout-later-edition = This chapter has a later edition: { $edition }.
handout-later-edition-link = Print that edition
# The date, e.g. "22 November 2026". Available: { $day } { $month } { $month-number } { $year }
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Translation status page (for translators)
status-title = Translation status
status-intro = What is translated, missing or outdated in each language, compared with the English text. Outdated: the English text changed after the translation was checked (stamped). Run “toolkit i18n status” for the same report in a terminal.
status-done = { $percent }% translated and up to date
status-words = About { $words } English words to translate or review.
status-translated = Translated
status-missing = Missing
status-outdated = Outdated
status-kind = Part of the toolkit
status-out-of-step = Out of step with English
status-all-done = Nothing to do: everything is translated and up to date.
status-summary = Summary, in English words
status-language = Language
status-words-translated = Words translated
status-words-missing = Words missing
status-words-outdated = Words outdated
status-words-total = All words
status-no-history = The project’s history (git) is not available here, for example in a copy received as a zip file. What is missing and which files are outdated is still right, but what changed in English cannot be shown, and for interface texts only whole files can be known to be behind. Work in a clone of the project (git clone) to see the changes.
status-group-challenges = Challenges
status-group-sections = Chapters and sections
status-group-case-studies = Case studies
status-group-boxes = Boxes
status-group-pages = Home page and glossary
status-group-sources = Sources
status-group-messages = Interface texts
status-item-challenge = Challenge { $id }
status-item-section = Section { $id }
status-item-chapter = Chapter { $id }
status-item-box = Box { $id }
status-item-case-study = Case study { $id }
status-item-home = Home page
status-item-glossary = Glossary
status-item-source = Source { $id }
status-item-message = Interface text { $id }
status-item-messages = Interface texts of { $id }
status-why-changed = the English text changed after this translation was stamped
status-why-not-stamped = not stamped yet: after checking it against English, run toolkit i18n stamp on it
status-why-not-a-stamp = its stamp was not written by the stamp command, so which English text it translates is not known: check it against English, then run toolkit i18n stamp on it
status-why-no-history = the English file changed after this file was stamped; which of its texts changed cannot be known without the project’s history: compare the two files, then run toolkit i18n stamp on it
status-changes = What changed in English since the stamp (removed words struck through, new words underlined):
status-english-now = English text now
status-current-translation = Current translation
status-open-page = Open the page
footer-status = Translation status (for translators)

## Error page
not-found-title = Page not found
not-found-text = This page does not exist. It may have moved; choose your language to start again from the contents.

## Punctuation between parts of a line
# Between a label and its text ("Challenge 2.1.a: Companies may…"); keep the quotes to keep spaces.
label-separator = { ": " }
# Between items of a list ("Good practice 1, Good practice 3").
list-separator = { ", " }
# Between the parts of a source's reference (title, publisher, year), and after the last.
reference-separator = { ", " }
reference-end = .

## Reading offline (home page)
offline-title = Read offline
# { $size }: e.g. "0.8 MB".
offline-intro = Save the toolkit in English on this device ({ $size }) to read and search it without a connection.
offline-save = Save for offline reading
offline-saving = Saving… { $done } of { $total } files
offline-saved = Saved on this device: the toolkit in English opens and searches without a connection, and updates itself when you are online.
offline-remove = Remove from this device
offline-removed = Removed from this device.
offline-failed = Saving stopped, probably because the connection was lost. Try again: what was already saved is kept.
offline-page-title = Not available offline
offline-page-text = There is no connection, and this page has not been kept on this device. Pages you have already opened, and languages saved from the home page, can be read without a connection.
offline-page-home = Go to the home page

## Sources page
# A source's title in the reader's language (a language may add its title marks, e.g. Chinese 《》).
source-title = { $title }
# The year a source was published.
source-year = { $year }
# Before the numbers of the good practices that cite a source: "good practices 1, 3".
cited-practices = { $count ->
    [one] good practice
   *[other] good practices
}

## Editions (issue 18). { $edition } and { $previous } are edition names ("Third Edition").
# Before the name of the edition a page belongs to.
edition-later-editions = Also published, revising parts of this edition:
edition-label = Edition:
# On a page a later edition has revised.
edition-later-version = A later version of this text is published: { $edition }.
edition-later-version-link = Read the later version
edition-earlier-version-link = Read this text as it was in the earlier edition ({ $edition })
edition-changes-link = What changed since then
# The contents page of a later edition.
edition-contents-intro = This edition revises the parts marked “revised”. Every other part is unchanged since the earlier edition ({ $previous }) and links to its page.
edition-revised = revised
edition-unchanged = unchanged since the { $edition }
# A link from a later edition's contents and section pages to its handout of a chapter.
edition-print-chapter = Print chapter { $number } as this edition has it
# The "what changed" page of a challenge.
changes-heading = What changed in challenge { $id }: { $old } → { $new }
# Which practices an entry compares: "Third Edition: good practices 3, 4".
changes-practices = { $edition }: { $count ->
    [one] good practice { $numbers }
   *[other] good practices { $numbers }
}
# The summary: its parts are joined by list-separator, e.g. "3 practices reworded, 1 new, 2 moved".
changes-reworded = { $count ->
    [one] 1 practice reworded
   *[other] { $count } practices reworded
}
changes-new = { $count } new
changes-dropped = { $count } dropped
changes-merged = { $count } merged from several
changes-split = { $count } split into several
changes-moved = { $count } moved
changes-unchanged = { $count } unchanged
changes-legend-removed = removed words
changes-legend-added = added words
change-kind-unchanged = Unchanged
change-kind-reworded = Reworded
change-kind-merged = Merged
change-kind-split = Split
change-kind-new = New
change-kind-dropped = Dropped
change-kind-moved = Moved
