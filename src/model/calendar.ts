// The virtual clock's seconds as a calendar date, for Date headers and timelines. The
// simulation starts on Monday 5 April 1999 at 09:00 UTC (assumption A-EPOCH): a date on
// which all three versions were in service. Nothing here reads the wall clock.

const EPOCH_MS = Date.UTC(1999, 3, 5, 9, 0, 0);

/** RFC 5322 date-time, e.g. "Mon, 05 Apr 1999 09:00:00 +0000". */
export function rfc5322Date(seconds: number): string {
  return new Date(EPOCH_MS + seconds * 1000).toUTCString().replace('GMT', '+0000');
}

/** "1999-04-05 09:00:00", as the Event Viewer lists it (in UTC). */
export function timestamp(seconds: number): string {
  return new Date(EPOCH_MS + seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
}
