// Both parsers report each kind of defect once, in the order it was first seen.

export function noteOnce<T>(found: T[], item: T): void {
  if (!found.includes(item)) found.push(item);
}
