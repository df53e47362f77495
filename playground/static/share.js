// Share links: "#s=" and the scenario text in base64. No DOM: the Node
// tests in ../jstest cover this file.

export function b64urlEncode(s) {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function b64urlDecode(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

// scenarioFromHash reads a share link's fragment (location.hash). It
// returns null for any fragment not starting with "#s=" (#results is an
// anchor of the page), the text, or {error} saying why the link cannot be
// used. The page writes the URL-safe alphabet without padding; the
// standard alphabet, padding and a percent-encoded "=" are read too,
// since mail clients and people produce them and they mean the same
// bytes. Anything else is refused with a reason, never passed over.
export function scenarioFromHash(h) {
  if (!h.startsWith('#s=')) return null;
  let data;
  try {
    data = decodeURIComponent(h.slice(3));
  } catch (e) {
    return { error: 'its percent-encoding (%…) is broken' };
  }
  if (data === '') return { error: 'nothing follows #s=, where the scenario belongs' };
  const m = /^([A-Za-z0-9_+/-]*)(={0,2})$/.exec(data);
  if (!m) return { error: 'the text after #s= is not base64, which uses only letters, digits, - _ + / and = for padding' };
  const [, body, pad] = m;
  if (body.length % 4 === 1 || (pad && (body.length + pad.length) % 4 !== 0)) {
    return { error: 'its base64 has the wrong length (it may be cut short)' };
  }
  try {
    return b64urlDecode(body);
  } catch (e) {
    return { error: 'it does not hold text (it may be cut short)' };
  }
}

// shareURL is href with its fragment set to the share link of text.
export function shareURL(href, text) {
  const url = new URL(href);
  url.hash = 's=' + b64urlEncode(text);
  return url.href;
}

// linkForOthers is href when someone else can open it, or '' when it
// names this machine (localhost, 127.x.x.x, [::1], a file): a report
// pasted into a pull request should not point at the author's laptop.
export function linkForOthers(href) {
  let url;
  try {
    url = new URL(href);
  } catch (e) {
    return '';
  }
  const h = url.hostname;
  const local = h === '' || h === 'localhost' || h.endsWith('.localhost') || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h) || h === '0.0.0.0';
  return local || !/^https?:$/.test(url.protocol) ? '' : href;
}
