// Node 20 has no Temporal: load the polyfill the extension falls back to.
import 'temporal-polyfill/global';
