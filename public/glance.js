// The glance pages' first script (popup, new tab): a classic script after #app, so it runs while the page is parsed,
// before the first paint and before any module, IndexedDB or Temporal work. It paints the last glance the page showed
// (kept in this origin's localStorage; see src/adapters/browser/glance-store.ts for the keys and the shape) when it is
// still true: written for this zone, and before the moment time alone would change it. The page's module then renders
// the same view over the same nodes and reads the data afresh. Anything unexpected paints nothing: the module renders
// as it would without a snapshot.
(function () {
  try {
    var page = document.currentScript && document.currentScript.getAttribute('data-page');
    // A quiet new tab shows no dashboard; a focus block takes the new tab's place (the module decides those).
    if (page === 'newtab' && (localStorage.getItem('cueboard:newtab') === 'off' || localStorage.getItem('cueboard:focus') === '1')) return;
    var snapshot = JSON.parse(localStorage.getItem('cueboard:glance:' + page) || 'null');
    if (!snapshot || snapshot.v !== 1 || typeof snapshot.html !== 'string' || !(Date.now() < snapshot.until)) return;
    if (snapshot.tz !== Intl.DateTimeFormat().resolvedOptions().timeZone) return;
    var root = document.getElementById('app');
    if (!root) return;
    // Markup this extension's own page rendered and kept in its own origin's storage: no other site can write there.
    root.innerHTML = snapshot.html;
    root.setAttribute('data-glance', 'painted');
    performance.mark('cueboard:glance-painted');
  } catch (error) {
    console.warn('[cueboard] the glance snapshot was not painted', error);
  }
})();
