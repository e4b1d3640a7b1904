import { SuggestionStatus } from './dto/suggestion.type';

/** Status names as the resident reads them (German, then English: residents have no language setting). */
const STATUS_TEXT: Record<SuggestionStatus, [string, string]> = {
  [SuggestionStatus.NEW]: ['eingegangen', 'received'],
  [SuggestionStatus.IN_REVIEW]: ['wird geprüft', 'under review'],
  [SuggestionStatus.TAKEN_UP]: ['aufgegriffen', 'taken up'],
  [SuggestionStatus.ANSWERED]: ['beantwortet', 'answered'],
  [SuggestionStatus.NOT_PURSUED]: ['wird nicht weiterverfolgt', 'not pursued'],
  [SuggestionStatus.WITHDRAWN]: ['zurückgezogen', 'withdrawn'],
};

export interface SuggestionMailText {
  subject: string;
  text: string;
}

/** The confirmation after sending: the follow link, nothing of the suggestion's content. */
export function confirmationMail(initiative: string, link: string): SuggestionMailText {
  return {
    subject: `${initiative}: Ihr Anliegen ist angekommen / Your suggestion was received`,
    text: [
      'Guten Tag,',
      '',
      `vielen Dank für Ihr Anliegen an „${initiative}“. Unter diesem Link sehen Sie jederzeit, was daraus wird, und können es auch zurückziehen:`,
      link,
      '',
      'Bitte geben Sie den Link nicht weiter: Wer ihn hat, kann Ihr Anliegen sehen.',
      '',
      '---',
      '',
      `Thank you for your suggestion to "${initiative}". Follow what becomes of it, or withdraw it, with this link:`,
      link,
      '',
      'Please do not pass the link on: whoever has it can see your suggestion.',
    ].join('\n'),
  };
}

/**
 * A public status change: the new status and the reason the steering group gave. The follow
 * token is stored only as a hash, so this mail cannot carry the private link: it says where
 * the link is (the confirmation mail) instead of linking a page that would not show it.
 */
export function statusMail(
  initiative: string,
  status: SuggestionStatus,
  reason: string | null,
): SuggestionMailText {
  const [de, en] = STATUS_TEXT[status];
  return {
    subject: `${initiative}: Ihr Anliegen – ${de} / Your suggestion – ${en}`,
    text: [
      'Guten Tag,',
      '',
      `Ihr Anliegen an „${initiative}“ hat einen neuen Stand: ${de}.`,
      ...(reason ? ['', reason] : []),
      '',
      'Alle Schritte sehen Sie über Ihren privaten Link aus der Bestätigungs-E-Mail, die Sie nach dem Senden bekommen haben. Aus Datenschutzgründen speichern wir den Link nicht und können ihn hier nicht noch einmal schicken.',
      '',
      '---',
      '',
      `Your suggestion to "${initiative}" has a new status: ${en}.`,
      ...(reason ? ['', reason] : []),
      '',
      'See every step with your private link from the confirmation e-mail you received after sending. To protect your privacy we do not store the link and cannot send it again here.',
    ].join('\n'),
  };
}
