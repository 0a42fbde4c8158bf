# translates: bf53202a6e57f0b5
# Textos de la interfaz del sitio, en español.
# Traductores: no cambien el nombre de cada mensaje (a la izquierda de =); traduzcan el texto.
# { $name } lo rellena el sitio: consérvenlo (pueden moverlo). Las líneas con # son notas.

## El idioma
# Nombre de este idioma, escrito en este idioma (menú de idiomas).
language-name = Español
choose-language = Elija su idioma

## Estructura de la página
skip-to-content = Ir al contenido principal
main-navigation = Principal
language-menu = Idioma
breadcrumb = Usted está aquí
home = Inicio
contents = Índice
sources = Fuentes
glossary = Glosario
case-studies = Estudios de caso
footer-about = Una caja de herramientas del DCAF y el CICR.
toolkit-short = Caja de herramientas sobre seguridad y derechos humanos

## Títulos
chapter-heading = Capítulo { $number }. { $title }
section-heading = { $id } { $title }
challenge-heading = Desafío { $id }
challenge-label = Desafío
good-practices = Buenas prácticas
good-practice-number = Buena práctica { $number }
practice-index = Las { $count } buenas prácticas de un vistazo
notes = Notas
note-call = Nota { $number }
back-to-text = Volver al texto
statement-label = El desafío

## Listas y navegación
sections-in-chapter = Secciones
challenges-in-section = Desafíos
forthcoming = De próxima publicación
forthcoming-section = Esta sección aún no se ha publicado.
previous-challenge = Desafío anterior
next-challenge = Desafío siguiente
footer-offline = ¿No tiene conexión donde trabaja? Esta caja de herramientas puede guardarse en este dispositivo.
on-this-page = En esta página
back-to-top = Volver arriba
chapter-short = Capítulo { $number }
pager = Anterior y siguiente
previous-section = Sección anterior
next-section = Sección siguiente
previous-chapter = Capítulo anterior
next-chapter = Capítulo siguiente
chapter-forthcoming = Este capítulo aún no se ha publicado. Sus secciones figurarán aquí cuando se publiquen.
forthcoming-note = {" "}(de próxima publicación)
print-chapter = Imprimir este capítulo
no-case-studies = Todavía no hay estudios de caso.
chapter-case-studies = Estudios de caso de este capítulo

## Avisos
fallback-notice = Esta página aún no se ha traducido. Está leyendo el texto en inglés.
fallback-notice-link = Abrir la página en inglés
not-prescriptive-marker = *
outdated-notice = Es posible que esta traducción no refleje la última versión del texto en inglés.
outdated-notice-link = Leer la página en inglés

## Página de fuentes
sources-intro = Los documentos citados en la caja de herramientas. Cada cita del texto, como «(VPs: 4)», remite a esta página; el número que sigue a los dos puntos indica la página, el párrafo o el capítulo del documento.
source-cited-in = Citada en
source-not-cited = Aún no se cita en el texto publicado.
source-online = Consultar en línea
source-key = Forma abreviada

## Estudios de caso
case-study-authors = Elaborado por
case-study-link = Dónde consultarlo
case-study-referred-from = Mencionado en

## Glosario
glossary-intro = Abreviaturas y términos utilizados en la caja de herramientas.
abbreviations = Abreviaturas
terms = Términos
term-in-english = En inglés

## Citas y remisiones
# Forma de una cita: ({ $citations }) pone los paréntesis alrededor de una o varias citas.
cite-group = ({ $citations })
# Entre dos citas dentro de los mismos paréntesis.
cite-separator = {"; "}
# Una fuente y una parte de ella, p. ej. «CSBP, Flashpoint Issue 9».
cite-part = { $source }, { $part }
# Una fuente y un lugar de ella, p. ej. «VPs: 4».
cite-locator = { $source }: { $locator }
cite-locator-separator = {", "}
ref-chapter = { $position ->
    [inside] capítulo { $number }, «{ $title }»
   *[start] Capítulo { $number }. { $title }
}
ref-section = { $position ->
    [inside] sección { $id }, «{ $title }»
   *[start] Sección { $id }. { $title }
}
ref-challenge = { $position ->
    [inside] desafío { $id }
   *[start] Desafío { $id }
}
ref-good-practice = { $position ->
    [inside] desafío { $id }, buena práctica { $number }
   *[start] Desafío { $id }, buena práctica { $number }
}
ref-case-study = { $title }

## Búsqueda
search = Buscar
search-label = Buscar en la caja de herramientas
search-placeholder = p. ej., mecanismo de reclamación
search-button = Buscar
search-results = { $count ->
    [0] No hay resultados para «{ $query }».
    [one] 1 resultado para «{ $query }».
   *[other] { $count } resultados para «{ $query }».
}
search-filter-chapter = Capítulo
search-all-chapters = Todos los capítulos
search-filter-edition = Edición
search-all-editions = Todas las ediciones (la vigente primero)
search-edition-current = { $name } (vigente)
search-loading = Buscando…
search-needs-script = La búsqueda requiere JavaScript. Sin él, utilice el índice o el glosario.
search-type-more = Escriba una palabra para buscar en los desafíos, las buenas prácticas, los recuadros, los estudios de caso y las fuentes.
search-kind-challenge = Desafío
search-kind-good-practice = Buena práctica
search-kind-box = Recuadro
search-kind-case-study = Estudio de caso
search-kind-source = Fuente
search-some-words = Ningún resultado contiene todas las palabras de «{ $query }»; se muestran los resultados que contienen algunas de ellas.
search-lacks = Palabras ausentes: { $words }
search-did-you-mean = ¿Quiso decir «{ $suggestion }»?
search-unavailable = No se pudo cargar la búsqueda. Compruebe su conexión y vuelva a intentarlo. Para buscar sin conexión, utilice «Guardar para leer sin conexión» en la página de inicio.
search-in-english = Buscar «{ $query }» en el texto en inglés, versión de referencia
search-more = Mostrar más resultados
search-tips = Consejos de búsqueda
search-tip-spelling = Compruebe la ortografía de cada palabra.
search-tip-fewer = Utilice menos palabras o palabras más generales.
search-tip-phrase = Escriba una expresión exacta entre comillas, por ejemplo «uso de la fuerza».
search-tip-glossary = Busque un término o una sigla en el glosario.

## Fichas de capítulo (impresas)
handout-chapter = Capítulo { $number }
handout-back = Volver al capítulo
handout-tip = Esta página está pensada para imprimirse: utilice la función Imprimir de su navegador (Ctrl+P o ⌘P) o guárdela en formato PDF.
handout-language = Idioma: { $language }
handout-printed = Impreso a partir de la edición web el { $date }
handout-contents = Índice
handout-sources = Fuentes citadas
handout-notes = Notas
handout-page = Página
handout-page-ref = , pág. { $page }
handout-print = Imprimir
handout-download = Descargar el PDF ({ $size } KB)
handout-publishers = Publicado por el DCAF – Centro de Ginebra para la Gobernanza del Sector de Seguridad y el Comité Internacional de la Cruz Roja (CICR)
handout-online = Versión en línea:
handout-running-head = { $chapter } – { $edition }
handout-back-edition = Volver al índice de esta edición
handout-later-edition = Este capítulo tiene una edición más reciente: { $edition }.
handout-later-edition-link = Imprimir esa edición
# La fecha, p. ej. «22 de noviembre de 2026». Disponibles: { $day } { $month } { $month-number } { $year }
date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Estado de la traducción (para traductores)
status-title = Estado de la traducción
status-intro = Lo que está traducido, falta o está desactualizado en cada idioma, en comparación con el texto en inglés. Desactualizado: el texto en inglés cambió después de que se revisara (sellara) la traducción. Ejecute «toolkit i18n status» para obtener el mismo informe en una terminal.
status-done = { $percent } % traducido y actualizado
status-words = Unas { $words } palabras en inglés por traducir o revisar.
status-translated = Traducido
status-missing = Falta
status-outdated = Desactualizado
status-kind = Parte de la caja de herramientas
status-out-of-step = No concuerda con el inglés
status-all-done = No hay nada pendiente: todo está traducido y actualizado.
status-summary = Resumen, en palabras en inglés
status-language = Idioma
status-words-translated = Palabras traducidas
status-words-missing = Palabras que faltan
status-words-outdated = Palabras desactualizadas
status-words-total = Total de palabras
status-no-history = El historial del proyecto (git) no está disponible aquí, por ejemplo en una copia recibida como archivo zip. Lo que falta y los archivos desactualizados se indican correctamente, pero no pueden mostrarse los cambios del texto en inglés y, en el caso de los textos de la interfaz, solo puede saberse qué archivos completos están atrasados. Trabaje en un clon del proyecto (git clone) para ver los cambios.
status-group-challenges = Desafíos
status-group-sections = Capítulos y secciones
status-group-case-studies = Estudios de caso
status-group-boxes = Recuadros
status-group-pages = Página de inicio y glosario
status-group-sources = Fuentes
status-group-messages = Textos de la interfaz
status-item-challenge = Desafío { $id }
status-item-section = Sección { $id }
status-item-chapter = Capítulo { $id }
status-item-box = Recuadro { $id }
status-item-case-study = Estudio de caso { $id }
status-item-home = Página de inicio
status-item-glossary = Glosario
status-item-source = Fuente { $id }
status-item-message = Texto de la interfaz { $id }
status-item-messages = Textos de la interfaz de { $id }
status-why-changed = el texto en inglés cambió después de que se sellara esta traducción
status-why-not-stamped = aún no sellado: después de cotejarlo con el inglés, ejecute toolkit i18n stamp sobre este archivo
status-why-not-a-stamp = su sello no lo escribió el comando stamp, por lo que no se sabe qué texto en inglés traduce: cotéjelo con el inglés y ejecute toolkit i18n stamp sobre este archivo
status-why-no-history = el archivo en inglés cambió después de que se sellara este archivo; sin el historial del proyecto no puede saberse qué textos cambiaron: compare los dos archivos y ejecute toolkit i18n stamp sobre este archivo
status-changes = Cambios del texto en inglés desde el sello (palabras suprimidas tachadas, palabras nuevas subrayadas):
status-english-now = Texto en inglés actual
status-current-translation = Traducción actual
status-open-page = Abrir la página
footer-status = Estado de la traducción (para traductores)

## Página de error
not-found-title = Página no encontrada
not-found-text = Esta página no existe. Es posible que se haya trasladado; elija su idioma para volver a empezar desde el índice.

## Puntuación
label-separator = { ": " }
list-separator = { ", " }
reference-separator = { ", " }
reference-end = .

## Lectura sin conexión (página de inicio)
offline-title = Leer sin conexión
offline-intro = Guarde la caja de herramientas en español en este dispositivo ({ $size }) para leerlo y realizar búsquedas sin conexión.
offline-save = Guardar para leer sin conexión
offline-saving = Guardando… { $done } de { $total } archivos
offline-saved = Guardada en este dispositivo: la caja de herramientas en español se abre y permite búsquedas sin conexión, y se actualiza cuando usted está en línea.
offline-remove = Eliminar de este dispositivo
offline-removed = Eliminado de este dispositivo.
offline-failed = El guardado se interrumpió, probablemente porque se perdió la conexión. Vuelva a intentarlo: lo que ya se guardó se conserva.
offline-page-title = Página no disponible sin conexión
offline-page-text = No hay conexión y esta página no se ha conservado en este dispositivo. Las páginas que ya ha abierto, así como los idiomas guardados desde la página de inicio, pueden leerse sin conexión.
offline-page-home = Ir a la página de inicio

source-title = { $title }
source-year = { $year }
cited-practices = { $count ->
    [one] buena práctica
   *[other] buenas prácticas
}

## Ediciones
edition-later-editions = También publicada, con la revisión de algunas partes de esta edición:
edition-label = Edición:
edition-later-version = Se ha publicado una versión más reciente de este texto: { $edition }.
edition-later-version-link = Leer la versión más reciente
edition-earlier-version-link = Leer este texto tal como figuraba en la edición anterior ({ $edition })
edition-changes-link = Qué ha cambiado desde entonces
edition-contents-intro = Esta edición revisa las partes señaladas como «revisadas». Todas las demás partes no han cambiado desde la edición anterior ({ $previous }) y remiten a su página.
edition-revised = revisada
edition-unchanged = sin cambios desde la edición anterior ({ $edition })
edition-print-chapter = Imprimir el capítulo { $number } en esta edición
changes-heading = Qué ha cambiado en el desafío { $id }: { $old } → { $new }
changes-practices = { $edition }: { $count ->
    [one] buena práctica { $numbers }
   *[other] buenas prácticas { $numbers }
}
changes-reworded = { $count ->
    [one] 1 práctica reformulada
   *[other] { $count } prácticas reformuladas
}
changes-new = { $count ->
    [one] 1 nueva
   *[other] { $count } nuevas
}
changes-dropped = { $count ->
    [one] 1 suprimida
   *[other] { $count } suprimidas
}
changes-merged = { $count ->
    [one] 1 resultante de fusionar varias
   *[other] { $count } resultantes de fusionar varias
}
changes-split = { $count ->
    [one] 1 dividida en varias
   *[other] { $count } divididas en varias
}
changes-moved = { $count ->
    [one] 1 desplazada
   *[other] { $count } desplazadas
}
changes-unchanged = { $count ->
    [one] 1 sin cambios
   *[other] { $count } sin cambios
}
changes-legend-removed = palabras suprimidas
changes-legend-added = palabras añadidas
change-kind-unchanged = Sin cambios
change-kind-reworded = Reformulada
change-kind-merged = Fusionada
change-kind-split = Dividida
change-kind-new = Nueva
change-kind-dropped = Suprimida
change-kind-moved = Desplazada
