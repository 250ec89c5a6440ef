/**
 * The one slug: file names of downloads (apart from the CSV writers, since the map's PNG name needs
 * one in the first view while the CSV code loads only on a download) and the pipeline's place ids
 * (scripts/pipeline/interventions-places.ts, no length limit there).
 */

/** Lower-case ASCII slug; parenthesised parts dropped ("Reginald Centre (Chapeltown…)" → "reginald-centre"). */
export function slugify(s: string, max = 60): string {
  const base = s
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= max) return base;
  const cut = base.slice(0, max);
  const i = cut.lastIndexOf('-');
  return (i > max / 2 ? cut.slice(0, i) : cut).replace(/-+$/, '');
}
