import { TandemStatus } from './tandem.entity';

/** The notification kinds of tandems, named by the sender (never derived from the text). */
export type TandemNotificationKind = 'TANDEM_NOTE_ADDED' | 'TANDEM_STATUS_CHANGED';

/** What the two cities are told; each city reads it with the other city's name in it. */
export interface TandemAnnouncement {
  kind: TandemNotificationKind;
  /** The German title and body for the city whose partner is called `other`. */
  wording(other: string): { title: string; body: string };
}

/** What a status announcement says about the tandem. */
export interface StatusFacts {
  status: TandemStatus;
  goals: string;
  newCityAcceptedAt: Date | null;
  partnerCityAcceptedAt: Date | null;
  declineReason: string | null;
  outcomeSummary: string | null;
}

/**
 * The announcement of the step that brought the tandem where it is now. User text
 * (goals, reason, summary) goes in as written: it is never a template.
 */
export function statusAnnouncement(tandem: StatusFacts): TandemAnnouncement {
  const wording = (): ((other: string) => { title: string; body: string }) => {
    switch (tandem.status) {
      case TandemStatus.PROPOSED:
        return tandem.newCityAcceptedAt || tandem.partnerCityAcceptedAt
          ? (other) => ({
              title: `Zusage im Tandem mit ${other}`,
              body: 'Eine Stadt hat zugestimmt; die zweite Zusage steht noch aus.',
            })
          : (other) => ({
              title: `Tandem mit ${other} vorgeschlagen`,
              body: `Das Netzwerkbüro schlägt ein Tandem mit ${other} vor. Ziele: ${tandem.goals || '–'}`,
            });
      case TandemStatus.ACTIVE:
        return (other) => ({
          title: `Tandem mit ${other} ist aktiv`,
          body: `Beide Städte haben zugestimmt: das Tandem mit ${other} beginnt.`,
        });
      case TandemStatus.DECLINED:
        return (other) => ({
          title: `Tandem mit ${other} abgelehnt`,
          body: `Der Vorschlag wurde abgelehnt. ${tandem.declineReason ?? ''}`.trim(),
        });
      case TandemStatus.CONCLUDED:
        return (other) => ({
          title: `Tandem mit ${other} abgeschlossen`,
          body: tandem.outcomeSummary ?? '',
        });
      default: {
        const unhandled: never = tandem.status;
        throw new Error(`unhandled tandem status ${String(unhandled)}`);
      }
    }
  };
  return { kind: 'TANDEM_STATUS_CHANGED', wording: wording() };
}

/** A new note, for the other city: the start of its text, as written. */
export function noteAnnouncement(body: string): TandemAnnouncement {
  return {
    kind: 'TANDEM_NOTE_ADDED',
    wording: (other) => ({
      title: `Neuer Eintrag im Tandem mit ${other}`,
      body: body.slice(0, 300),
    }),
  };
}
