// Models that get the administrator mailbox wrong (Q183178 and Q246115).

import type { Variant } from '../../src/harness/variant.ts';
import { AdminMailboxSetting, type Resolution } from '../../src/model/adminMailbox.ts';
import { ControlPanelServices } from '../../src/model/controlPanel.ts';
import { InternetMailService } from '../../src/model/ims/service.ts';
import type { World } from '../../src/model/world.ts';

class ImsThatStartsAnyway extends InternetMailService {
  protected override adminMailboxUsable(): boolean {
    super.adminMailboxUsable();
    return true;
  }
}

/** Once the lookup failed, the IMS keeps failing until the setting is written again. */
class ImsThatRemembersFailure extends InternetMailService {
  private failedFor: string | null | undefined;
  protected override adminMailboxUsable(): boolean {
    const pointer = this.w.adminMailbox.pointer;
    if (this.failedFor !== undefined && this.failedFor === pointer) {
      this.w.log.write(4071);
      return false;
    }
    const ok = super.adminMailboxUsable();
    this.failedFor = ok ? undefined : pointer;
    return ok;
  }
}

/** OK changes what the Administrator program shows, not the pointer behind it. */
class SettingThatKeepsItsPointer extends AdminMailboxSetting {
  protected override write(shown: string | null): void {
    super.write(shown, this.pointer);
  }
}

/** OK looks the name up among every object that ever had it, and takes the oldest. */
class SettingThatFindsTheOldest extends AdminMailboxSetting {
  constructor(private readonly w: World) {
    super(w.directory, w.journal);
  }
  override choose(displayName: string | null): boolean {
    const oldest = displayName && this.w.directory.all().find((r) => r.displayName.toLowerCase() === displayName.toLowerCase());
    if (!displayName || !oldest || !this.w.directory.readable()) return super.choose(displayName);
    this.write(oldest.displayName, oldest.id);
    return true;
  }
}

class SettingThatTakesAnyRecipient extends AdminMailboxSetting {
  override resolve(): Resolution {
    const r = super.resolve();
    if (!r.ok && r.fault === 'not-a-mailbox') return { ok: true, mailbox: this.directory.byId(this.pointer!)! };
    return r;
  }
}

/** Starts the service and says nothing when it fails to start. */
class SilentControlPanel extends ControlPanelServices {
  override start(service: string): undefined {
    this.scm.start(service, 'control-panel');
    this.wait();
    return undefined;
  }
}

export const VARIANTS: readonly Variant[] = [
  {
    name: 'control-panel-silent-on-a-failed-start',
    description: 'Control Panel shows nothing when a service it started fails to start.',
    breaks: ['Q246115-S1 a recipient that is not a mailbox stops the start'],
    parts: { controlPanel: (w) => new SilentControlPanel(w.scm, w.journal, w.settings.serverName, () => w.settle()) },
  },
  {
    name: 'ims-starts-after-4071',
    description: 'The IMS logs its administrator-mailbox error and starts anyway.',
    breaks: ['Q183178-S1 4071 means the IMS did not start'],
    parts: { ims: (w) => new ImsThatStartsAnyway(w) },
  },
  {
    name: 'every-fault-logs-2140-and-100',
    description: 'Reading adminMailboxEvents = always-2140-100: no 4071, ever.',
    breaks: ['Q183178-C1 4071 exactly when the pointer cannot be obtained'],
    readings: { adminMailboxEvents: 'always-2140-100' },
  },
  {
    name: 'ims-remembers-a-failed-lookup',
    description: 'After one failed lookup of its administrator mailbox, the IMS fails every start until the setting is written again.',
    breaks: ['Q183178-S2 fails only at the automatic start'],
    parts: { ims: (w) => new ImsThatRemembersFailure(w) },
  },
  {
    name: 'ok-keeps-the-old-pointer',
    description: 'Pressing OK in the Administrator program changes the name shown but not the internal pointer.',
    breaks: ['Q183178-R1 a correct mailbox lets the IMS start', 'Q183178-R2 away and back resets the pointer', 'Q246115-R1 a valid user lets the service start'],
    parts: { adminMailbox: (w) => new SettingThatKeepsItsPointer(w.directory, w.journal) },
  },
  {
    name: 'ok-finds-the-oldest-object',
    description: 'Pressing OK resolves the name to the first object ever created with it, deleted or not.',
    breaks: ['Q183178-R2 away and back resets the pointer'],
    parts: { adminMailbox: (w) => new SettingThatFindsTheOldest(w) },
  },
  {
    name: 'any-recipient-will-do',
    description: 'The IMS accepts any recipient, mailbox or not, as its administrator mailbox.',
    breaks: ['Q246115-S1 a recipient that is not a mailbox stops the start'],
    parts: { adminMailbox: (w) => new SettingThatTakesAnyRecipient(w.directory, w.journal) },
  },
  {
    name: 'every-fault-logs-4071',
    description: 'Reading adminMailboxEvents = always-4071: a recipient that is not a mailbox logs 4071, not 2140 and 100.',
    breaks: ['Q246115-S1 a recipient that is not a mailbox stops the start'],
    readings: { adminMailboxEvents: 'always-4071' },
  },
];
