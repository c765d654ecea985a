// Which Exchange is installed: the version and, where it matters, the service pack.
// 4.0 ships the Internet Mail Connector (IMC); 5.0 and 5.5 ship the Internet Mail Service (IMS).

export type Version = '4.0' | '5.0' | '5.5';

export interface Release {
  readonly version: Version;
  readonly servicePack: number;
}

export const VERSIONS: readonly Version[] = ['4.0', '5.0', '5.5'];

/** Service-pack levels the model distinguishes. Only 5.0's matter to an article (Q168139). */
export const SERVICE_PACKS: Readonly<Record<Version, readonly number[]>> = {
  '4.0': [0],
  '5.0': [0, 1, 2],
  '5.5': [0],
};

export const RELEASES: readonly Release[] = VERSIONS.flatMap((version) =>
  SERVICE_PACKS[version].map((servicePack) => ({ version, servicePack })),
);

/** "4.0", "5.0 SP1", "5.5": the name used in the catalogue, scenarios and reports. */
export function releaseName(r: Release): string {
  return SERVICE_PACKS[r.version].length > 1 ? `${r.version} SP${r.servicePack}` : r.version;
}

export function parseRelease(name: string): Release | undefined {
  return RELEASES.find((r) => releaseName(r) === name);
}

/** True when `name` ("5.0" or "5.0 SP2") covers the release. */
export function releaseMatches(name: string, r: Release): boolean {
  return name === r.version || name === releaseName(r);
}

