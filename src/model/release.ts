// Which Exchange is installed: the version, its service-pack level, and any store fixes applied
// on top. 4.0 ships the Internet Mail Connector (IMC); 5.0 and 5.5 the Internet Mail Service
// (IMS). Every version lists its levels in full from the start and a release is always named
// "<version> SP<n>", so an article that needs another level renames nothing.

export type Version = '4.0' | '5.0' | '5.5';

export interface Release {
  readonly version: Version;
  readonly servicePack: number;
  /** Store fixes applied on top of the service pack, in the order applied. */
  readonly fixes?: readonly string[];
}

export const VERSIONS: readonly Version[] = ['4.0', '5.0', '5.5'];

/** Every service-pack level each version had; what differs between them is in versions.ts. */
export const SERVICE_PACKS: Readonly<Record<Version, readonly number[]>> = {
  '4.0': [0, 1, 2, 3, 4, 5],
  '5.0': [0, 1, 2],
  '5.5': [0, 1, 2, 3, 4],
};

/** Every version at every level, as installed (no fixes yet). */
export const RELEASES: readonly Release[] = VERSIONS.flatMap((version) =>
  SERVICE_PACKS[version].map((servicePack) => ({ version, servicePack })),
);

/** "4.0 SP0", "5.0 SP2", "5.5 SP4 + store 5.5.2656.60": the name used in the catalogue, scenarios and reports. */
export function releaseName(r: Release): string {
  return [`${r.version} SP${r.servicePack}`, ...(r.fixes ?? [])].join(' + ');
}

/** A release as installed, by its name ("5.0 SP1"); undefined for anything else. */
export function parseRelease(name: string): Release | undefined {
  return RELEASES.find((r) => releaseName(r) === name);
}

/** The release a version-only name was once used for ("5.5" for "5.5 SP0"), to say so in an error. */
export function baseRelease(name: string): string | undefined {
  return (VERSIONS as readonly string[]).includes(name) ? `${name} SP0` : undefined;
}

/** True when `name` (a version, "5.0", or a level, "5.0 SP2") covers the release, fixes or not. */
export function releaseMatches(name: string, r: Release): boolean {
  return name === r.version || name === releaseName({ version: r.version, servicePack: r.servicePack });
}
