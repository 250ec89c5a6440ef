import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * index.html and accessibility.html name the council through this token, filled at build time from
 * the built metadata (one vite build), or per council by build:sites (the app built once, copied).
 */
export const AREA_NAME_TOKEN = '%ATLAS_AREA_NAME%';

export interface BuiltArea {
  code: string;
  name: string;
  /** The council's embedding domains as built (metadata.json council.content.embedDomains); [] without content. */
  embedDomains?: readonly string[];
}

/**
 * The embedding domains of a council's content folder (content/<code>/council.json `embedDomains`, or
 * under ATLAS_CONTENT_DIR as the pipeline's contentDirFor reads it); [] without one. Read directly,
 * not through the pipeline's validator: vite.config.ts loads this file, and build:data has already
 * validated the folder (scripts/pipeline/council-folder.ts).
 */
export function embedDomainsFor(areaCode: string): readonly string[] {
  if (areaCode === '') return [];
  const root = process.env.ATLAS_CONTENT_DIR
    ? path.resolve(process.env.ATLAS_CONTENT_DIR)
    : path.resolve(import.meta.dirname, '..', '..', 'content');
  const file = path.join(root, areaCode, 'council.json');
  if (!existsSync(file)) return [];
  const domains = (JSON.parse(readFileSync(file, 'utf8')) as { embedDomains?: unknown }).embedDomains;
  return Array.isArray(domains) ? domains.filter((d): d is string => typeof d === 'string') : [];
}

/**
 * The CSP; `frame-ancestors` lists the council's embedding domains — given, or read from its
 * content folder's council.json (so a call with the area code alone still gets them).
 */
export function contentSecurityPolicy(
  areaCode: string,
  embedDomains: readonly string[] = embedDomainsFor(areaCode),
): string {
  const ancestors = ["'self'", ...embedDomains].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "frame-src 'self'",
    `frame-ancestors ${ancestors}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function fillAreaTokens(html: string, area: BuiltArea): string {
  return html.split(AREA_NAME_TOKEN).join(escapeHtml(area.name));
}

/** The area of the data in `geoDir` (metadata.json), or null before the first build:data. */
export function readBuiltArea(geoDir: string): BuiltArea | null {
  const file = path.join(geoDir, 'metadata.json');
  if (!existsSync(file)) return null;
  const meta = JSON.parse(readFileSync(file, 'utf8')) as {
    area?: { code?: unknown; name?: unknown };
    council?: { content?: { embedDomains?: unknown } | null };
  };
  if (typeof meta.area?.code !== 'string' || typeof meta.area.name !== 'string') return null;
  const embed = meta.council?.content?.embedDomains;
  const embedDomains = Array.isArray(embed) ? embed.filter((d): d is string => typeof d === 'string') : [];
  return { code: meta.area.code, name: meta.area.name, embedDomains };
}

/**
 * Fills the council's name into both HTML pages. With ATLAS_KEEP_AREA_TOKENS=1 (build:sites) the
 * tokens stay, to be filled per council when the built app is copied.
 */
export function areaHtmlPlugin(geoDir: string): Plugin {
  return {
    name: 'atlas-area-html',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (process.env.ATLAS_KEEP_AREA_TOKENS === '1') return html;
        return fillAreaTokens(html, readBuiltArea(geoDir) ?? { code: '', name: 'your area' });
      },
    },
  };
}
