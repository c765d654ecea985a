// What the schema cannot see: whether the names in a well-formed scenario file refer to
// things that exist (properties, claims, variants, articles, services) and whether its
// parts agree with each other (version, service pack and release; verdict and claim; the
// variant's readings and the file's).

import { ARTICLES, CLAIMS, INVARIANTS, releasesOf } from '../harness/claims.ts';
import type { Property } from '../harness/property.ts';
import type { Variant } from '../harness/variant.ts';
import { EXCHANGE_SERVICES } from '../model/exchangeServices.ts';
import { SERVICE_PACKS, releaseName, type Version } from '../model/release.ts';
import { problemAt, type JsonDocument } from './document.ts';
import type { ScenarioFile } from './format.ts';
import { unknownName, type Problem } from './problems.ts';

/** What names in a scenario file may refer to. */
export interface Known {
  readonly properties: readonly Property[];
  readonly variants: readonly Variant[];
  /** The laws every replayed history is judged by, beside the properties the file names. */
  readonly laws?: readonly Property[];
}

export function crossCheck(doc: JsonDocument, file: ScenarioFile, known: Known): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string) => problems.push(problemAt(doc, path, message));
  const version = file.version as Version;
  if (!SERVICE_PACKS[version].includes(file.servicePack)) {
    at(['servicePack'], `${file.version} has no service pack ${file.servicePack}; its levels are ${SERVICE_PACKS[version].join(', ')}`);
  } else {
    const named = releaseName({ version, servicePack: file.servicePack });
    if (named !== file.release) at(['release'], `${JSON.stringify(file.release)} does not match version ${JSON.stringify(file.version)} and servicePack ${file.servicePack}, which make ${JSON.stringify(named)}`);
  }

  const judged = file.judge.properties.flatMap((name, i) => {
    const p = known.properties.find((x) => x.name === name);
    if (!p) at(['judge', 'properties', i], unknownName('property', name, known.properties.map((x) => x.name)));
    // A law judges every history on every release, whatever releases its own histories run on.
    else if (!known.laws?.some((l) => l.name === name) && !releasesOf(p.claims).some((r) => releaseName(r) === file.release)) at(['judge', 'properties', i], `${JSON.stringify(name)} checks claims that do not apply to ${file.release}`);
    return p ? [p] : [];
  });
  const { verdict, claim } = file.judge;
  if (verdict === 'violated' && claim === undefined) at(['judge', 'verdict'], 'a verdict of "violated" needs judge.claim: the claim that must be violated');
  if (verdict === 'holds' && claim !== undefined) at(['judge', 'claim'], 'judge.claim goes with a verdict of "violated" only; remove it, or say "violated"');
  if (claim !== undefined) {
    const ids = [...CLAIMS.map((c) => c.id), ...INVARIANTS.map((x) => x.id)];
    if (!ids.includes(claim)) at(['judge', 'claim'], unknownName('claim', claim, ids));
    else if (judged.length && !judged.some((p) => p.claims.includes(claim))) at(['judge', 'claim'], `none of judge.properties checks ${claim}`);
  }

  const { origin } = file;
  if (origin.kind === 'story' && !ARTICLES.some((a) => a.id === origin.article)) {
    at(['origin', 'article'], unknownName('article', origin.article, ARTICLES.map((a) => a.id)));
  }
  const variantName = file.origin.kind === 'failure' ? file.origin.variant : undefined;
  if (variantName !== undefined) {
    const v = known.variants.find((x) => x.name === variantName);
    if (!v) at(['origin', 'variant'], unknownName('variant', variantName, known.variants.map((x) => x.name)));
    for (const [id, alt] of Object.entries(v?.readings ?? {})) {
      const given = (file.interpretations as Record<string, string | undefined>)[id];
      if (given !== undefined && given !== alt) at(['interpretations', id], `${JSON.stringify(given)} contradicts variant ${variantName}, which reads ${id} as ${JSON.stringify(alt)}`);
    }
  }

  file.steps.forEach((step, i) => {
    for (const service of Object.keys(step.expect?.services ?? {})) {
      if (!EXCHANGE_SERVICES.includes(service)) at(['steps', i, 'expect', 'services', service], unknownName('service', service, EXCHANGE_SERVICES));
    }
  });
  return problems;
}
