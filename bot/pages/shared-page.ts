import { createHash } from 'node:crypto';
import { describeShared, type PublicItem, type SharedFacts } from '../../cards/shared-item';

/**
 * The public page of an event, workshop, deadline or call (/e/<id>, /d/<id>, /c/<group>/<call>):
 * plain, read-only HTML with the details in UK English and Europe/London times, and a
 * way into Teams. It says nothing personal: no names, no counts of people. No script, no
 * images, no other origin: the security policy allows one inline style and nothing else.
 */
const STYLE = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#f5f7fa}
main{max-width:40rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-top:6px solid #1f5c8b}
.kind{margin:0;color:#1f5c8b;font-weight:600;font-size:.9rem}h1{margin:.25rem 0 .75rem;font-size:1.6rem;line-height:1.25}
.status{font-weight:600}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
.note{color:#555;font-size:.9rem}.button{display:inline-block;padding:.5rem 1rem;background:#1f5c8b;color:#fff;text-decoration:none;border-radius:4px;margin-right:1rem}
footer{margin-top:2rem;color:#555;font-size:.85rem}`;

/**
 * Sent with every page, the "not found" one too. No framing at all: Teams shows these
 * links as cards, never embeds the page (a tab would list Teams' hosts here instead).
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  // An organiser's change or cancellation shows at the next visit.
  'cache-control': 'no-cache',
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * "Open in Teams": the person's chat with the bot (a chat deep link to the bot's id), with
 * the command that lists this kind of thing typed in. Without an app id (local mode) there
 * is no bot in Teams to open, so it is Teams itself.
 */
export function openInTeamsUrl(botAppId: string | undefined, command: string): string {
  if (!botAppId) return 'https://teams.microsoft.com/';
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(`28:${botAppId}`)}&message=${encodeURIComponent(command)}`;
}

/** What to type in the bot's chat to find this kind of thing. */
export const commandFor = (item: PublicItem): string => (item.kind === 'deadline' ? 'deadlines' : item.kind === 'call' ? 'calls' : 'events');

function page(title: string, description: string, main: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} | Norfolk Learning Collaborative</title>
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="og:description" content="${escapeHtml(description)}">
<style>${STYLE}</style>
</head>
<body>
<main>
${main}
<footer>Norfolk Learning Collaborative: shared from the NLC bot in Microsoft Teams.</footer>
</main>
</body>
</html>
`;
}

function details(facts: SharedFacts): string {
  const rows: [string, string][] = [['When', `${escapeHtml(facts.when)} <span class="note">(UK time)</span>`]];
  if (facts.where) rows.push(['Where', escapeHtml(facts.where)]);
  if (facts.audience) rows.push([facts.audience.label, escapeHtml(facts.audience.text)]);
  return `<dl>\n${rows.map(([term, text]) => `<dt>${escapeHtml(term)}</dt><dd>${text}</dd>`).join('\n')}\n</dl>`;
}

export function renderSharedPage(item: PublicItem, openInTeams: string): string {
  const facts = describeShared(item);
  const link = facts.link ? `<a href="${escapeHtml(facts.link.url)}" rel="noopener noreferrer">${escapeHtml(facts.link.title)}</a>` : '';
  const main = [
    `<p class="kind">${escapeHtml([facts.kind, facts.eyebrow].filter(Boolean).join(' · '))}</p>`,
    `<h1>${escapeHtml(facts.title)}</h1>`,
    `<p class="status">${escapeHtml(facts.status)}</p>`,
    details(facts),
    facts.summary ? `<p>${escapeHtml(facts.summary)}</p>` : '',
    `<p><a class="button" href="${escapeHtml(openInTeams)}">Open in Teams</a>${link}</p>`,
  ];
  return page(facts.title, [facts.kind, facts.when, facts.where].filter(Boolean).join(' · '), main.filter(Boolean).join('\n'));
}

/** One answer for every link that leads nowhere: unknown, mistyped, draft or cancelled alike. */
export const NOT_FOUND_PAGE = page(
  'Not found',
  'This link does not lead to anything in the NLC programme.',
  `<h1>Not found</h1>
<p>This link does not lead to anything in the NLC programme. It may be mistyped, or no longer listed.</p>
<p><a class="button" href="https://teams.microsoft.com/">Open Teams</a></p>`,
);

export const BUSY_PAGE = page('Please try again', 'The NLC bot is busy.', '<h1>Please try again</h1>\n<p>The NLC bot is busy just now. Please try again in a moment.</p>');
