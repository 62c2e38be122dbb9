/*
 * Sharing links as URLs: the session code rides in the fragment (#s=CODE), which browsers never send
 * to the server, so a link works from any path the site is served from (a project page's sub-path,
 * a local preview) and its size is bounded only by the browser. The link keeps the page's own path
 * and query but drops ?seed=, since the code carries the seed.
 */
import { decodeSession, ShareError } from './codec.ts';
import type { SharedSession } from './types.ts';

export type LinkOpening =
  { kind: 'none' } | { kind: 'session'; session: SharedSession } | { kind: 'error'; message: string };

/** The code in a location hash, or null when the page was not opened from a sharing link. */
export function codeFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('s');
}

/** The link for `code`, from the page's current address (location.href). */
export function shareUrl(pageHref: string, code: string): string {
  const url = new URL(pageHref);
  url.searchParams.delete('seed');
  url.hash = `s=${code}`;
  return url.toString();
}

/** Reads the sharing link the page was opened with, if any; never rejects. */
export async function openLink(hash: string): Promise<LinkOpening> {
  const code = codeFromHash(hash);
  if (code === null) return { kind: 'none' };
  try {
    return { kind: 'session', session: await decodeSession(code) };
  } catch (e) {
    const reason = e instanceof ShareError ? e.message : 'it could not be read';
    return { kind: 'error', message: `This shared link could not be opened: ${reason}.` };
  }
}
