// The report's page rule. `@page` is read only from the document's own stylesheets (a shadow
// root's are ignored for it), so while the Report tab is open one <style> in the host
// document's head sets the paper (A4 or Letter), the margins and the page numbers in the
// bottom margin ("3 / 7"; none on the cover), and a white page behind the element (the host
// page's own background would fill the last sheet); it is removed with the tab.

const ID = 'sr-report-page';

export class PrintPage {
  constructor(doc = document) {
    this.doc = doc;
  }

  /** Sets the paper (`A4`, `Letter`) and the accent colour of the page numbers. */
  apply(paper, accent) {
    let style = this.doc.getElementById(ID);
    if (!style) {
      style = this.doc.createElement('style');
      style.id = ID;
      this.doc.head.append(style);
    }
    const size = paper === 'Letter' ? 'letter' : 'A4';
    const colour = /^#[0-9a-f]{6}$/i.test(accent ?? '') ? accent : '#555555';
    style.textContent = `@page { size: ${size}; margin: 16mm 15mm 18mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: ${colour}; } }
@page :first { @bottom-right { content: none; } }
@media print { html, body { background: #fff !important; } }`;
  }

  remove() {
    this.doc.getElementById(ID)?.remove();
  }
}
