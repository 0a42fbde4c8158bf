// The handout page's Print button: shown only where scripts run (without them, the tip beside
// it says how to print), so it never appears without working. Not loaded by the PDF printer.
for (const button of document.querySelectorAll('.print-button')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
