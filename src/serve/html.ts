// Building HTML safely: every value goes through `esc` or `attr`, and only http(s) addresses become links.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or a quoted attribute value: nothing in it is markup. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A string of trusted HTML, so a template can tell what it built from what it was given. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** A template whose values are escaped unless they are Html (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1]!;
  });
  return new Html(out);
}

function piece(v: unknown): string {
  if (v instanceof Html) return v.html;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

/**
 * An address that may be a link's target: only http(s). Anything else (javascript:, data:) in an
 * article's metadata or a cited source stays text.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link to the outside (the article's page, a cited source): opened without telling it where from. */
export function outLink(url: string | null | undefined, text: unknown): Html {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>` : html`${text}`;
}

/** "2005-02-14" from an ISO timestamp, or ''. */
export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

/** The whole page around a body. Styles and the script are the server's own files, nothing from elsewhere. */
export function page(title: string, body: Html, opts: { search?: string } = {}): string {
  return `<!doctype html>
${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · newsclaims</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/newsclaims.css">
<script src="/assets/newsclaims.js" defer></script>
</head>
<body>
<header class="top">
<a class="home" href="/">newsclaims</a>
<form class="search" action="/search" method="get" role="search">
<label for="q" class="visually-hidden">Search claims and quotes</label>
<input id="q" name="q" type="search" placeholder="Search claims and quotes" value="${opts.search ?? ''}">
<button type="submit">Search</button>
</form>
</header>
<main id="main">
${body}
</main>
</body>
</html>`}
`;
}
