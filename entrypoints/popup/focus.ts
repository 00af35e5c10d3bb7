// The popup's door to the focus block (see focus-pages.tsx): it has no static imports, so the popup's initial script
// names only this file.
void import('@/src/adapters/wiring/focus-pages').then((m) => m.popupFocus(document.getElementById('focus')!));
export {};
