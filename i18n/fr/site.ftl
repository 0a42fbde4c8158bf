# translates: bf53202a6e57f0b5
# Textes de l’interface du site de la boîte à outils, en français.
# Ne pas modifier les noms (à gauche du =) ni les variables { $nom }.

## La langue
language-name = Français
choose-language = Choisissez votre langue

## Mise en page
skip-to-content = Aller au contenu principal
main-navigation = Navigation principale
language-menu = Langue
breadcrumb = Vous êtes ici
home = Accueil
contents = Sommaire
sources = Sources
glossary = Glossaire
case-studies = Études de cas
footer-about = Une boîte à outils du DCAF et du CICR.
toolkit-short = Boîte à outils sécurité et droits de l’homme

## Titres
chapter-heading = Chapitre { $number }. { $title }
section-heading = { $id } { $title }
challenge-heading = Défi { $id }
challenge-label = Défi
good-practices = Bonnes pratiques
good-practice-number = Bonne pratique { $number }
practice-index = Les { $count } bonnes pratiques en un coup d’œil
notes = Notes
note-call = Note { $number }
back-to-text = Retour au texte
statement-label = Le défi

## Listes et navigation
sections-in-chapter = Sections
challenges-in-section = Défis
forthcoming = À paraître
forthcoming-section = Cette section n’est pas encore publiée.
previous-challenge = Défi précédent
next-challenge = Défi suivant
footer-offline = Pas de connexion là où vous travaillez ? Cette boîte à outils peut être conservée sur cet appareil.
on-this-page = Sur cette page
back-to-top = Haut de page
chapter-short = Chapitre { $number }
pager = Précédent et suivant
previous-section = Section précédente
next-section = Section suivante
previous-chapter = Chapitre précédent
next-chapter = Chapitre suivant
chapter-forthcoming = Ce chapitre n’est pas encore publié. Ses sections figureront ici dès leur parution.
forthcoming-note = {" "}(à paraître)
print-chapter = Imprimer ce chapitre
no-case-studies = Aucune étude de cas n’est encore disponible.
chapter-case-studies = Études de cas de ce chapitre

## Avis
fallback-notice = Cette page n’est pas encore traduite. Vous lisez le texte anglais.
fallback-notice-link = Ouvrir la page en anglais
not-prescriptive-marker = *
outdated-notice = Il se peut que cette traduction ne reflète pas la dernière version du texte anglais.
outdated-notice-link = Lire la page en anglais

## Page des sources
sources-intro = Les documents cités dans la boîte à outils. Chaque citation dans le texte, par exemple « (VPs : 4) », renvoie à cette page ; le nombre placé après les deux-points indique la page, le paragraphe ou le chapitre du document.
source-cited-in = Citée dans
source-not-cited = Pas encore citée dans le texte publié.
source-online = Consulter en ligne
source-key = Forme abrégée

## Études de cas
case-study-authors = Rédigée par
case-study-link = Où la consulter
case-study-referred-from = Mentionnée dans

## Glossaire
glossary-intro = Sigles, abréviations et termes employés dans la boîte à outils.
abbreviations = Sigles et abréviations
terms = Termes
term-in-english = En anglais

## Citations et renvois
# Forme d’une citation : les parenthèses entourent une ou plusieurs citations.
cite-group = ({ $citations })
# Entre deux citations placées dans les mêmes parenthèses.
cite-separator = {"\u202F; "}
# Une source et une partie nommée de celle-ci, p. ex. « CSBP, Flashpoint Issue 9 ».
cite-part = { $source }, { $part }
# Une source et un emplacement dans celle-ci, p. ex. « VPs : 4 ».
cite-locator = { $source } : { $locator }
cite-locator-separator = {", "}
ref-chapter = { $position ->
    [inside] chapitre { $number }, « { $title } »
   *[start] Chapitre { $number }. { $title }
}
ref-section = { $position ->
    [inside] section { $id }, « { $title } »
   *[start] Section { $id }. { $title }
}
ref-challenge = { $position ->
    [inside] défi { $id }
   *[start] Défi { $id }
}
ref-good-practice = { $position ->
    [inside] défi { $id }, bonne pratique { $number }
   *[start] Défi { $id }, bonne pratique { $number }
}
ref-case-study = { $title }

## Recherche
search = Rechercher
search-label = Rechercher dans la boîte à outils
search-placeholder = p. ex. mécanisme de réclamation
search-button = Rechercher
search-results = { $count ->
    [0] Aucun résultat pour « { $query } ».
    [one] { $count } résultat pour « { $query } ».
   *[other] { $count } résultats pour « { $query } ».
}
search-filter-chapter = Chapitre
search-all-chapters = Tous les chapitres
search-filter-edition = Édition
search-all-editions = Toutes les éditions (la plus récente d’abord)
search-edition-current = { $name } (en vigueur)
search-loading = Recherche en cours…
search-needs-script = La recherche nécessite JavaScript. Sans JavaScript, utilisez le sommaire ou le glossaire.
search-type-more = Saisissez un mot pour rechercher dans les défis, les bonnes pratiques, les encadrés, les études de cas et les sources.
search-kind-challenge = Défi
search-kind-good-practice = Bonne pratique
search-kind-box = Encadré
search-kind-case-study = Étude de cas
search-kind-source = Source
search-some-words = Aucun résultat ne contient tous les mots de « { $query } » ; voici les résultats qui en contiennent une partie.
search-lacks = Mots absents : { $words }
search-did-you-mean = Vouliez-vous dire « { $suggestion } » ?
search-unavailable = La recherche n’a pas pu se charger. Vérifiez votre connexion et réessayez. Pour faire des recherches sans connexion, utilisez « Enregistrer pour la lecture hors ligne » sur la page d’accueil.
search-in-english = Rechercher « { $query } » dans le texte anglais, version de référence
search-more = Afficher d’autres résultats
search-tips = Conseils de recherche
search-tip-spelling = Vérifiez l’orthographe de chaque mot.
search-tip-fewer = Utilisez moins de mots, ou des mots plus généraux.
search-tip-phrase = Placez une expression exacte entre guillemets, par exemple « recours à la force ».
search-tip-glossary = Cherchez un terme ou un sigle dans le glossaire.

## Fiches imprimables des chapitres
handout-chapter = Chapitre { $number }
handout-back = Retour au chapitre
handout-tip = Cette page est conçue pour l’impression : utilisez la commande Imprimer de votre navigateur (Ctrl+P ou ⌘P) ou enregistrez-la au format PDF.
handout-language = Langue : { $language }
handout-printed = Imprimé à partir de l’édition en ligne le { $date }
handout-contents = Sommaire
handout-sources = Sources citées
handout-notes = Notes
handout-page = Page
handout-page-ref = , p. { $page }
handout-print = Imprimer
handout-download = Télécharger le PDF ({ $size } Ko)
handout-publishers = Publié par le DCAF – Centre pour la gouvernance du secteur de la sécurité, Genève, et le Comité international de la Croix-Rouge (CICR)
handout-online = Version en ligne :
handout-running-head = { $chapter } – { $edition }
handout-back-edition = Retour au sommaire de cette édition
handout-later-edition = Ce chapitre existe dans une édition plus récente : { $edition }.
handout-later-edition-link = Imprimer cette édition
# La date, p. ex. « 22 novembre 2026 ». Variables : { $day } { $month } { $month-number } { $year }
date = { $day } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Page d’état des traductions (pour les traducteurs)
status-title = État des traductions
status-intro = Ce qui est traduit, manquant ou périmé dans chaque langue par rapport au texte anglais. Périmé : le texte anglais a été modifié après la vérification (l’horodatage) de la traduction. La commande « toolkit i18n status » affiche le même rapport dans un terminal.
status-done = { $percent } % traduit et à jour
status-words = Environ { $words } mots anglais à traduire ou à revoir.
status-translated = Traduit
status-missing = Manquant
status-outdated = Périmé
status-kind = Partie de la boîte à outils
status-out-of-step = Décalé par rapport à l’anglais
status-all-done = Rien à faire : tout est traduit et à jour.
status-summary = Synthèse, en mots anglais
status-language = Langue
status-words-translated = Mots traduits
status-words-missing = Mots manquants
status-words-outdated = Mots périmés
status-words-total = Total des mots
status-no-history = L’historique du projet (git) n’est pas disponible ici, par exemple dans une copie reçue sous forme de fichier zip. Les textes manquants et les fichiers périmés sont bien indiqués, mais les modifications du texte anglais ne peuvent pas être affichées et, pour les textes de l’interface, seuls les fichiers entiers peuvent être signalés comme en retard. Travaillez dans un clone du projet (git clone) pour voir les modifications.
status-group-challenges = Défis
status-group-sections = Chapitres et sections
status-group-case-studies = Études de cas
status-group-boxes = Encadrés
status-group-pages = Page d’accueil et glossaire
status-group-sources = Sources
status-group-messages = Textes de l’interface
status-item-challenge = Défi { $id }
status-item-section = Section { $id }
status-item-chapter = Chapitre { $id }
status-item-box = Encadré { $id }
status-item-case-study = Étude de cas { $id }
status-item-home = Page d’accueil
status-item-glossary = Glossaire
status-item-source = Source { $id }
status-item-message = Texte de l’interface { $id }
status-item-messages = Textes de l’interface de { $id }
status-why-changed = le texte anglais a été modifié après l’horodatage de cette traduction
status-why-not-stamped = pas encore horodaté : après l’avoir vérifié par rapport à l’anglais, exécutez toolkit i18n stamp sur ce fichier
status-why-not-a-stamp = son horodatage n’a pas été écrit par la commande stamp ; on ne sait donc pas quel texte anglais il traduit : vérifiez-le par rapport à l’anglais, puis exécutez toolkit i18n stamp sur ce fichier
status-why-no-history = le fichier anglais a été modifié après l’horodatage de ce fichier ; sans l’historique du projet, on ne peut pas savoir quels textes ont changé : comparez les deux fichiers, puis exécutez toolkit i18n stamp sur ce fichier
status-changes = Modifications du texte anglais depuis l’horodatage (mots supprimés barrés, mots ajoutés soulignés) :
status-english-now = Texte anglais actuel
status-current-translation = Traduction actuelle
status-open-page = Ouvrir la page
footer-status = État des traductions (pour les traducteurs)

## Page d’erreur
not-found-title = Page introuvable
not-found-text = Cette page n’existe pas. Elle a peut-être été déplacée ; choisissez votre langue pour repartir du sommaire.

## Ponctuation
label-separator = { "\u00A0: " }
list-separator = { ", " }
reference-separator = { ", " }
reference-end = .

## Lecture hors ligne (page d’accueil)
offline-title = Lire hors ligne
offline-intro = Enregistrez la boîte à outils en français sur cet appareil ({ $size }) pour la lire et y faire des recherches sans connexion.
offline-save = Enregistrer pour la lecture hors ligne
offline-saving = Enregistrement… { $done } fichiers sur { $total }
offline-saved = Enregistrée sur cet appareil : la boîte à outils en français s’ouvre et permet les recherches sans connexion, et se met à jour lorsque vous êtes en ligne.
offline-remove = Supprimer de cet appareil
offline-removed = Supprimée de cet appareil.
offline-failed = L’enregistrement s’est interrompu, probablement parce que la connexion a été perdue. Réessayez : ce qui a déjà été enregistré est conservé.
offline-page-title = Page non disponible hors ligne
offline-page-text = Il n’y a pas de connexion, et cette page n’a pas été conservée sur cet appareil. Les pages que vous avez déjà ouvertes, ainsi que les langues enregistrées depuis la page d’accueil, peuvent être lues sans connexion.
offline-page-home = Aller à la page d’accueil

source-title = { $title }
source-year = { $year }
cited-practices = { $count ->
    [one] bonne pratique
   *[other] bonnes pratiques
}

## Éditions
edition-later-editions = Également publiée, révisant certaines parties de cette édition :
edition-label = Édition :
edition-later-version = Une version plus récente de ce texte est publiée : { $edition }.
edition-later-version-link = Lire la version plus récente
edition-earlier-version-link = Lire ce texte tel qu’il figurait dans l’édition précédente ({ $edition })
edition-changes-link = Ce qui a changé depuis
edition-contents-intro = Cette édition révise les parties signalées comme « révisées ». Toutes les autres parties sont inchangées depuis l’édition précédente ({ $previous }) et renvoient à leur page.
edition-revised = révisée
edition-unchanged = inchangée depuis l’édition précédente ({ $edition })
edition-print-chapter = Imprimer le chapitre { $number } dans cette édition
changes-heading = Ce qui a changé dans le défi { $id } : { $old } → { $new }
changes-practices = { $edition } : { $count ->
    [one] bonne pratique { $numbers }
   *[other] bonnes pratiques { $numbers }
}
changes-reworded = { $count ->
    [one] 1 pratique reformulée
   *[other] { $count } pratiques reformulées
}
changes-new = { $count ->
    [one] 1 nouvelle
   *[other] { $count } nouvelles
}
changes-dropped = { $count ->
    [one] 1 supprimée
   *[other] { $count } supprimées
}
changes-merged = { $count ->
    [one] 1 issue de la fusion de plusieurs
   *[other] { $count } issues de la fusion de plusieurs
}
changes-split = { $count ->
    [one] 1 scindée en plusieurs
   *[other] { $count } scindées en plusieurs
}
changes-moved = { $count ->
    [one] 1 déplacée
   *[other] { $count } déplacées
}
changes-unchanged = { $count ->
    [one] 1 inchangée
   *[other] { $count } inchangées
}
changes-legend-removed = mots supprimés
changes-legend-added = mots ajoutés
change-kind-unchanged = Inchangée
change-kind-reworded = Reformulée
change-kind-merged = Fusionnée
change-kind-split = Scindée
change-kind-new = Nouvelle
change-kind-dropped = Supprimée
change-kind-moved = Déplacée
