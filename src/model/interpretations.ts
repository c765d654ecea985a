// Where the articles are silent or disagree, the model follows a named reading. Each reading
// has alternatives, a default and the reason for the default. The defaults make every claim
// hold; the campaign's interpretation matrix shows which claims each alternative breaks.

export interface Interpretation<A extends string = string> {
  readonly question: string;
  readonly articles: readonly string[];
  readonly alternatives: Readonly<Record<A, string>>;
  readonly default: A;
  readonly reason: string;
}

/** Infers the alternatives from their descriptions, so that the default must be one of them. */
function reading<R extends Record<string, string>>(i: {
  question: string;
  articles: readonly string[];
  alternatives: R;
  default: keyof R & string;
  reason: string;
}): Interpretation<keyof R & string> {
  return i;
}

export const INTERPRETATIONS = {
  spoolLossWhileRunning: reading({
    question: 'What does the running connector do when its in directory disappears?',
    articles: ['Q146791', 'Q231737'],
    alternatives: {
      'by-version': 'The 4.0 IMC keeps running and rejects inbound mail (event 4055, reply 421); the 5.x IMS logs 4070 and 4131 and stops.',
      'stop-every-version': 'Every version logs 4070 and 4131 and stops.',
      'reject-every-version': 'Every version keeps running and rejects inbound mail with event 4055 and reply 421.',
    },
    default: 'by-version',
    reason:
      'Q146791 covers only 4.0 and describes an IMC that is still running (it can be asked to stop, and it logs 4055 for a call it accepted). ' +
      'Q231737 covers all three versions but names the Internet Mail Service and says it stops; reading its stop as the 5.x behaviour keeps both articles true on 4.0.',
  }),
  inAtStart: reading({
    question: 'Does the 5.x IMS recreate a missing in directory when it starts, as the 4.0 IMC does?',
    articles: ['Q146791', 'Q231737'],
    alternatives: {
      recreate: 'Every version recreates missing spool directories when it starts.',
      'fail-while-missing': 'The 5.x IMS logs 4070 and 4131 and does not start while in is missing; the 4.0 IMC recreates it (Q146791 says so).',
    },
    default: 'recreate',
    reason:
      'Q231737 says a restart resolves the problem until the directory is deleted again, which a start that fails could not do; ' +
      'its resolution step of verifying that in exists reads as a precaution, not as proof that the IMS cannot recreate it.',
  }),
  adminMailboxEvents: reading({
    question: 'An unusable administrator mailbox: event 4071 (Q183178) or events 2140 and 100 (Q246115)?',
    articles: ['Q183178', 'Q246115'],
    alternatives: {
      'by-cause':
        'On 5.x: 4071 when the pointer cannot be obtained (not set, names nothing, directory not answering), 2140 and 100 when it names a recipient that is not a mailbox. On 4.0: 2140 and 100 for every cause.',
      'always-4071': 'Every cause on every version logs 4071.',
      'always-2140-100': 'Every cause on every version logs 2140 and 100.',
    },
    default: 'by-cause',
    reason:
      'Q183178 lists its causes as not set, incorrect (does not exist) or inaccessible, and covers only 5.0 and 5.5, whose 4071 text names the Internet Mail Service. ' +
      'Q246115 covers 4.0 as well and names a different cause: a mailbox that is not a valid mailbox. Splitting by cause lets both articles hold.',
  }),
  event2140: reading({
    question: 'Q246115 says "Event ID 2140 and Event ID 100 may be logged": what is 2140?',
    articles: ['Q246115'],
    alternatives: {
      'control-panel-error':
        'The error Control Panel reports for a service that failed to start ("Error 2140: An internal Windows NT error occurred."); the application log holds the connector\'s own event, 100.',
      'application-log-event': 'An event 2140 from MSExchangeIMC in the application log, beside event 100.',
    },
    default: 'control-panel-error',
    reason:
      'The articles of the time that show it whole (Q148727, Q154589, Q173496) give 2140 as the error Control Panel reports when the connector fails to start, with the connector\'s own event in the application log giving the cause; Q246115 names both numbers as logged events in passing.',
  }),
  missingInCalls: reading({
    question: 'Q146791: with in removed, "inbound SMTP calls may be refused. If a call is accepted, the mail will be rejected": which calls are refused?',
    articles: ['Q146791'],
    alternatives: {
      'until-noticed': 'Calls are accepted, and their mail rejected with 4055, until the IMC next looks at its in directory (its poll) and finds it gone; from then on it refuses calls (421 at the greeting) until in is back.',
      'always-accept': 'Every call is accepted and its mail rejected with 4055.',
      'always-refuse': 'Every call is refused at the greeting while in is missing.',
    },
    default: 'until-noticed',
    reason:
      'The article names both outcomes without saying when each happens; a connector that finds the directory gone when it next uses it, and then stops taking calls, has both, in an order an observer can tell apart.',
  }),
  lowDisk: reading({
    question: 'When is the disk low for the IMC?',
    articles: ['Q146791'],
    alternatives: {
      'below-reserve': 'The IMC refuses inbound SMTP with 421 while free space is under its reserve (10 MiB).',
      'write-fails': 'The IMC accepts calls until writing the message itself fails for lack of space.',
    },
    default: 'below-reserve',
    reason: 'Q146791 speaks of running low on disk space, not out of it; a reserve checked before mail is taken in is the reading in which low space alone refuses mail.',
  }),
  lowDiskAtStart: reading({
    question: 'Does the connector start while the disk is low?',
    articles: ['Q146791'],
    alternatives: {
      starts: 'It starts, and refuses inbound mail until space is freed.',
      'does-not-start': 'It fails to start while free space is under the reserve, logging 4070 and 4131.',
    },
    default: 'starts',
    reason: 'No article says a start fails for space; Q146791 has the stopped IMC restart as the cure, which it must be able to do.',
  }),
  rewindTrigger: reading({
    question: 'Which bad messages send the store into the rewind loop (Q168139)?',
    articles: ['Q168139'],
    alternatives: {
      both: 'Only a message whose MIME headers and TNEF are both bad.',
      'bad-mime-alone': 'Any message with bad MIME headers.',
      'bad-tnef-alone': 'Any message with bad TNEF.',
      either: 'Any message with bad MIME headers or bad TNEF.',
    },
    default: 'both',
    reason: 'Q168139 names the combination of bad MIME headers and bad TNEF as the cause.',
  }),
  rewindFixedIn: reading({
    question: 'Which 5.0 service pack fixes the rewind loop?',
    articles: ['Q168139'],
    alternatives: {
      sp1: 'Service Pack 1 and later.',
      sp2: 'Service Pack 2 only.',
    },
    default: 'sp1',
    reason: 'The article was written in the spring of 1997 and names the latest service pack as the fix; the first one after it was SP1. Only SP0 (affected) and SP2 (the last, fixed in both readings) are anchored by a claim.',
  }),
  autoStartInaccessible: reading({
    question: 'What makes the administrator mailbox inaccessible only at the automatic start after a reboot (Q183178)?',
    articles: ['Q183178'],
    alternatives: {
      'directory-warming-up': 'The directory reports Running to the Service Control Manager before it answers reads; an IMS that initialises in that window cannot read the pointer.',
      never: 'The directory answers reads as soon as it reports Running; a reboot never makes the mailbox inaccessible.',
    },
    default: 'directory-warming-up',
    reason: 'It is the reading in which a reboot alone, with a correct mailbox, produces 4071 at the automatic start and a later manual start works, as Q183178 describes.',
  }),
  resolutionAclScope: reading({
    question: 'Q231737 step 3 sets Everyone to Read Only on Imcdata: does that reach the existing In directory?',
    articles: ['Q231737'],
    alternatives: {
      'imcdata-and-subdirectories': 'The administrator also replaces the permissions on the subdirectories, so In becomes Read Only for Everyone.',
      'imcdata-only': 'Only Imcdata changes; an existing In keeps its own permissions (NT 4 copies inherited entries only when a directory is created).',
    },
    default: 'imcdata-and-subdirectories',
    reason: 'The article\'s cause is about the permissions on In itself; the resolution is meant to make In Read Only.',
  }),
  imsOnStoreError: reading({
    question: 'Q293288: what does the IMS do when the store fails on a message with a malformed charset?',
    articles: ['Q293288'],
    alternatives: {
      'hangs-running':
        'It logs 3039 and stops responding: still Running in Control Panel, it moves no mail in or out; when it is stopped it logs 4116, 4182 and 4102 and stops, and the store, left with the failed call, stops responding until the server restarts.',
      'shuts-down': 'It logs 3039, 4116, 4182 and 4102 at once and shuts down; the store stops responding until the server restarts.',
    },
    default: 'hangs-running',
    reason:
      'Q293288 says the IMS "may stop responding (hang) in an uncontrollable state", which is a service that still runs but does nothing, and that the store stops responding and the errors come "if you attempt to restart" it.',
  }),
  q325939Trigger: reading({
    question: 'Which "malformed inbound Internet message" makes the store run out of memory (Q325939)?',
    articles: ['Q325939'],
    alternatives: {
      'forwarded-bad-headers': 'A message that forwards another (a message/rfc822 part) whose own MIME headers are malformed.',
      'any-bad-headers': 'Any message with malformed MIME headers, in itself or in a message it forwards.',
    },
    default: 'forwarded-bad-headers',
    reason:
      'The article names no malformation. The store failing for memory while it converts suggests content nested inside the message, and it keeps Q325939 apart from the malformations Q168139 (bad headers with bad TNEF) and Q293288 (a blank charset) already explain.',
  }),
  q325939Stop: reading({
    question: 'Q325939: after 1001 ("shut down successfully"), what does "then stop responding" leave in Control Panel?',
    articles: ['Q325939'],
    alternatives: {
      stopped: 'The service is stopped: it takes no mail, and nothing answers on port 25.',
      'hangs-stopping': 'The service hangs in Stop Pending: it takes no mail and no longer answers Control Panel, until the server restarts.',
    },
    default: 'stopped',
    reason: 'The title says the IMS stops, and 1001 says it shut down successfully; "stops responding" is then what a sender sees.',
  }),
} as const;

export type InterpretationId = keyof typeof INTERPRETATIONS;

export type Alternative<K extends InterpretationId> = keyof (typeof INTERPRETATIONS)[K]['alternatives'] & string;

export type Interpretations = { readonly [K in InterpretationId]: Alternative<K> };

export const DEFAULT_INTERPRETATIONS: Interpretations = Object.fromEntries(
  Object.entries(INTERPRETATIONS).map(([id, i]) => [id, i.default]),
) as unknown as Interpretations;

export const INTERPRETATION_IDS = Object.keys(INTERPRETATIONS) as InterpretationId[];

export function alternativesOf(id: InterpretationId): string[] {
  return Object.keys(INTERPRETATIONS[id].alternatives);
}

/** The defaults with some readings replaced; rejects unknown ids and alternatives. */
export function withReadings(overrides: Partial<Record<string, string>>): Interpretations {
  const result: Record<string, string> = { ...DEFAULT_INTERPRETATIONS };
  for (const [id, alt] of Object.entries(overrides)) {
    if (!(id in INTERPRETATIONS)) throw new Error(`unknown interpretation "${id}"; known: ${INTERPRETATION_IDS.join(', ')}`);
    if (alt === undefined) continue;
    const alts = alternativesOf(id as InterpretationId);
    if (!alts.includes(alt)) throw new Error(`interpretation "${id}" has no alternative "${alt}"; it has: ${alts.join(', ')}`);
    result[id] = alt;
  }
  return result as unknown as Interpretations;
}
