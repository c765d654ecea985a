// The ledger of what the model does that no article states. Each entry is cited in the code
// where it takes effect (search for its id). Readings of points the articles leave open or
// disagree on are not here: they are named interpretations (interpretations.ts).

export interface Assumption {
  readonly id: string;
  readonly assumption: string;
  readonly reason: string;
}

export const ASSUMPTIONS: readonly Assumption[] = [
  { id: 'A-SEED', assumption: 'The organisation starts with the mailboxes Administrator, Alice and Bob, the distribution list Sales and the custom recipient Partner; Administrator is the IMS administrator mailbox.', reason: 'Scenarios need mailboxes to deliver to and recipients of each kind the articles distinguish.' },
  { id: 'A-SERVER-NAME', assumption: 'The server is EXCH01 in the SMTP domain example.com; remote senders are in remote.example.', reason: 'Dialogs and replies need a name; example domains are reserved for documentation (RFC 2606).' },
  { id: 'A-CAPACITY', assumption: 'C: holds 2 GiB, of which 1 GiB is taken by Windows and other programs before any mail arrives.', reason: 'Any capacity works; this leaves room for every scenario until a fault fills it.' },
  { id: 'A-RESERVE', assumption: 'The connector considers the disk low under 10 MiB free.', reason: 'Q146791 says "low" without a number; the value only has to sit between what scenarios fill to.' },
  { id: 'A-INSTALL-ACL', assumption: 'C:\\ starts with Everyone: Full Control (NT 4\'s default); Exchange setup gives exchsrvr and its tree Full Control for Administrators, SYSTEM, the Exchange service account and Everyone.', reason: 'Q231737 says in can be deleted by any outside agent unless made Read Only, so Everyone must start with more than Read.' },
  { id: 'A-SERVICE-ACCOUNT', assumption: 'The Exchange service account is a member of Everyone and of no administrators group; it has its own entry on the Exchange directories.', reason: 'Q231737\'s resolution (Everyone Read Only) must not stop the IMS itself, which needs its own entry.' },
  { id: 'A-FILE-ACL', assumption: 'Files carry their directory\'s permissions; only directories have entries of their own.', reason: 'No article distinguishes file from directory permissions; deleting in with its files is judged by the directory.' },
  { id: 'A-NT-TEXTS', assumption: 'System errors other than "The system cannot find the path specified." use Windows NT\'s own message texts.', reason: 'Only that one is quoted (Q146791, event 4055); the others appear in 4055 and 4131 when the cause differs.' },
  { id: 'A-EVENT-GAPS', assumption: 'Events 4070 and 4131 have no category; 2140 and 100 come from MSExchangeIMC as errors, with no category and no text.', reason: 'The articles give no more; the model records what it does not know as absent rather than inventing it.' },
  { id: 'A-EVENT-LINES', assumption: 'Event texts keep the line breaks the articles print them with.', reason: 'It is the one exact rendering the articles give.' },
  { id: 'A-MOVE-ERRORS', assumption: 'Event 4055\'s last line is the text of whatever system error the move met; the article shows the one for a missing path.', reason: 'The text reads "due to system error." followed by that error\'s text.' },
  { id: 'A-SMTP-TEXTS', assumption: 'SMTP replies other than 421 use RFC 821\'s texts; a low disk is refused at the greeting.', reason: 'Only the 421 is quoted (Q146791); refusing before any transaction is the plainest way not to accept mail.' },
  { id: 'A-NDR', assumption: 'The IMS accepts any recipient in its own domain; the MTA returns mail for unknown or non-mailbox recipients to its sender through MTS-OUT.', reason: 'Keeps the SMTP dialogue independent of the directory; "returned to its sender" is one of the invariant\'s legal fates.' },
  { id: 'A-SPOOL-NAMES', assumption: 'Spool files are named IMC00001.TMP, IMC00002.TMP, ... in arrival order.', reason: 'Q146791\'s 4055 names a file without saying how names are made.' },
  { id: 'A-DISK-FULL', assumption: 'A message the IMS cannot write for lack of space is answered 421 on every version, with no event and without stopping the service.', reason: 'Q146791 has low space refuse mail with 421; Q231737 attributes its stop to the missing directory, "with plenty of disk space".' },
  { id: 'A-STOP-FLUSH', assumption: 'Stopping needs in to exist and the disk not to be low; otherwise the stop reports 0008 and the service stops anyway.', reason: 'Q146791 reports the error in exactly those two states without saying why.' },
  { id: 'A-START-ORDER', assumption: 'A start checks the administrator mailbox before the spool directories.', reason: 'The articles treat the two causes separately; a configuration read comes before work on the spool.' },
  { id: 'A-POLLING', assumption: 'The IMS looks at its in directory and MTS-OUT every 10 seconds; the MTA delivers from MTS-IN every 5 seconds.', reason: 'The articles give no timings; these keep scenarios short while letting faults fall between passes.' },
  { id: 'A-STORE-CONVERSION', assumption: 'Inbound MIME and TNEF are converted inside the store, by one of its 4 worker threads, when the IMS hands a spool file over.', reason: 'Q168139 puts the rewind loop in the store; the thread count only bounds how many loops can run at once.' },
  { id: 'A-BAD-TNEF-KEPT', assumption: 'A message whose TNEF cannot be decoded, where it causes no loop, is delivered with winmail.dat kept as a plain attachment.', reason: 'No article says what happens to it; keeping the bytes loses nothing.' },
  { id: 'A-REWIND-VERSIONS', assumption: 'Only 5.0 has the rewind loop; 4.0 and 5.5 convert such a message normally. Service packs are cumulative.', reason: 'Q168139 applies to 5.0 only.' },
  { id: 'A-DEADLOCK', assumption: 'Only a restart of the server clears the deadlock: a deadlocked store never finishes stopping, pending logons fail at the restart, queued mail survives it.', reason: 'Q168139 gives no recovery; the store\'s data lives in its database, the deadlock in its process.' },
  { id: 'A-IMS-HANG', assumption: 'On the deadlocked store the IMS shuts down at its next call to the store, i.e. within one poll.', reason: 'Q168139 says it shuts down, not when.' },
  { id: 'A-DEPENDENCIES', assumption: 'The directory depends on the System Attendant, the store and the MTA on the directory, and the IMC/IMS on the store and the MTA; all start automatically.', reason: 'The articles name the services the IMS needs, not the wiring; this order lets the IMS start while the directory still warms up.' },
  { id: 'A-DIRECTORY-WARMUP', assumption: 'Every start of the directory service is followed by the warm-up the last reboot set (0 seconds at installation).', reason: 'The reboot is where Q183178 places the problem; a Control Panel restart of the directory is rare in scenarios.' },
  { id: 'A-OP-DURATIONS', assumption: 'An SMTP conversation takes one second; a Control Panel start or a reboot lasts until the services settle (at most ten minutes); other operations take no time.', reason: 'Time must pass for pollers to run; everything else is instantaneous at this level of detail.' },
  { id: 'A-AGENT', assumption: 'The outside agent deletes a directory with everything in it, as a cleanup script or "rd /s" does, and renames it to the name given.', reason: 'Q231737 says the directory is deleted or renamed; what was inside goes with it (and counts as destroyed, not lost by the server).' },
  { id: 'A-SUBMIT', assumption: 'A client\'s message to the Internet goes straight into MTS-OUT after a logon; the Internet accepts everything the IMS sends.', reason: 'The outbound half matters only for Q168139\'s "not picked up from MTS-OUT".' },
  { id: 'A-SP-SETUP', assumption: 'Applying a service pack stops the Exchange services, upgrades, and restarts the server.', reason: 'That is what service pack setup did; the articles do not describe it.' },
  { id: 'A-FLOW', assumption: 'Mail flows means: an accepted message is in its recipient\'s mailbox, or returned to its sender, within a minute when nothing stands in its way (a client\'s message: sent to the Internet within a minute).', reason: 'The articles say mail flows or stops without a time; the IMS polls every 10 seconds and the MTA every 5, so a minute leaves room without hiding mail that never moves.' },
  { id: 'A-CONVERGE', assumption: 'After the heal, ten minutes with nothing else happening are long enough for the server to deliver everything it holds.', reason: 'Liveness needs a bound; ten minutes is many passes of every poller.' },
  { id: 'A-EPOCH', assumption: 'The simulation starts on Monday 5 April 1999 at 09:00 UTC.', reason: 'Dates in headers need a calendar; all three versions were in service then.' },
];
