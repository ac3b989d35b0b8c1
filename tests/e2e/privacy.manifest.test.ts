// The built manifests (.output/chrome-mv3, .output/firefox-mv2) ask for no permission that the
// README's "Permissions, and why" does not justify, and the README justifies none they do not ask for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEWS_SITES } from '../../lib/page/sites';
import { ROOT } from '../tools/lib/serve';
import { builtCopy } from './lifecycle-harness';

/** The README's section on permissions: from its heading to the next heading. */
function permissionsSection(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /^#{2,4} Permissions, and why\s*$([\s\S]*?)(?=^#{1,4} )/m.exec(readme);
  if (!m) throw new Error('README.md has no "Permissions, and why" section');
  return m[1]!;
}

/** What the README's bullets justify: each `code` span at the start of a bullet, or named in it. */
function justified(section: string): Set<string> {
  const out = new Set<string>();
  for (const line of section.split('\n')) {
    if (!/^\s*[-*] /.test(line)) continue;
    for (const m of line.matchAll(/`([^`]+)`/g)) out.add(m[1]!);
  }
  return out;
}

/** Permission names the WebExtension APIs know (so a README mention of one can be checked back). */
const KNOWN = new Set([
  'activeTab', 'alarms', 'background', 'bookmarks', 'browsingData', 'clipboardRead', 'clipboardWrite', 'contentSettings',
  'contextMenus', 'cookies', 'debugger', 'declarativeNetRequest', 'declarativeNetRequestWithHostAccess', 'dns', 'downloads',
  'geolocation', 'history', 'identity', 'idle', 'management', 'menus', 'nativeMessaging', 'notifications', 'offscreen',
  'pageCapture', 'privacy', 'proxy', 'scripting', 'search', 'sessions', 'sidePanel', 'storage', 'tabGroups', 'tabs',
  'topSites', 'unlimitedStorage', 'webNavigation', 'webRequest', 'webRequestBlocking', '<all_urls>',
]);

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } } };
}

const manifests: Record<string, Manifest> = {};

beforeAll(async () => {
  for (const b of ['chrome', 'firefox'] as const) {
    const dir = await builtCopy(b);
    manifests[b] = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  }
}, 240_000);

describe('the manifest asks only for what the README justifies', () => {
  const section = permissionsSection();
  const ok = justified(section);

  it.each(['chrome', 'firefox'])('%s: every permission and host permission is justified in the README', (b) => {
    const m = manifests[b]!;
    const asked = [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((p) => !ok.has(p)), `permissions not justified in README's "Permissions, and why"`).toEqual([]);
  });

  it.each(['chrome', 'firefox'])('%s: optional permissions are called optional in the README', (b) => {
    const m = manifests[b]!;
    for (const p of [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])]) {
      const line = section.split('\n').find((l) => l.includes(`\`${p}\``));
      expect(line, p).toMatch(/optional/i);
    }
  });

  it.each(['chrome', 'firefox'])('%s: content scripts run only on the listed news sites and localhost, as the README says', (b) => {
    const m = manifests[b]!;
    expect(section).toMatch(/Content script matches/);
    expect(section).toContain('lib/page/sites.ts');
    const hosts = new Set([...NEWS_SITES, 'localhost', '127.0.0.1']);
    for (const cs of m.content_scripts ?? []) {
      for (const pattern of cs.matches) {
        const host = /^(?:\*|https?):\/\/(?:\*\.)?([^/]+)\/\*$/.exec(pattern)?.[1];
        expect(host && hosts.has(host), `content script match ${pattern}`).toBe(true);
      }
    }
  });

  it.each(['chrome', 'firefox'])('%s: nothing that would open the extension to the web', (b) => {
    const m = manifests[b]!;
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    expect(JSON.stringify(m.content_security_policy ?? '')).not.toMatch(/unsafe-eval|https?:/);
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*/);
  });

  it('firefox: declares that it collects no data', () => {
    expect(manifests.firefox!.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('the README justifies no permission that neither manifest asks for (it is kept up to date)', () => {
    const asked = new Set(
      Object.values(manifests).flatMap((m) => [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])]),
    );
    const named = [...ok].filter((t) => KNOWN.has(t) || /^[a-z*-]+:\/\//.test(t));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((t) => !asked.has(t))).toEqual([]);
  });
});
