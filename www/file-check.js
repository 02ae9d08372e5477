// A classic script (not a module), so that it runs where the page's modules cannot: opened
// from a folder (file://), a browser refuses ES modules, and the page would say that
// JavaScript is missing, which is false. It says what is true instead, and points to the
// single file that works from a folder (social-roi.html, which scripts/build.sh writes here).
(function () {
  if (location.protocol !== 'file:') return;
  function say() {
    var el = document.querySelector('social-roi');
    if (!el || customElements.get('social-roi')) return;
    var p = document.createElement('p');
    p.setAttribute('data-file-protocol', '');
    p.setAttribute('role', 'alert');
    var fr = document.createElement('span');
    fr.lang = 'fr';
    fr.textContent = 'Cette page est ouverte depuis un fichier : les navigateurs n’y chargent pas ses modules. Ouvrez plutôt ';
    var a = document.createElement('a');
    a.href = 'social-roi.html';
    a.textContent = 'social-roi.html';
    var frEnd = document.createTextNode(', le fichier unique qui fonctionne hors ligne (à côté de celle-ci), ou servez ce dossier (scripts/run.sh).');
    var en = document.createElement('span');
    en.lang = 'en';
    en.textContent = ' · This page was opened from a file, where browsers load none of its modules. Open social-roi.html instead, the single file that works offline (beside this one), or serve this folder (scripts/run.sh).';
    p.append(fr, a, frEnd, en);
    el.replaceChildren(p);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', say);
  else say();
})();
