import { MembershipRole } from '../../core/tenancy/actor';
import type { Mail } from '../mail/mail.service';

const ROLE_NAMES: Record<MembershipRole, string> = {
  [MembershipRole.COORDINATOR]: 'Koordinator:in',
  [MembershipRole.MEMBER]: 'Mitglied',
};

export function invitationMail(args: {
  to: string;
  cityName: string;
  /** Who sent it (their display name), so the invited person knows whom to ask. */
  inviterName: string | null;
  role: MembershipRole;
  link: string;
  days: number;
}): Mail {
  return {
    to: args.to,
    subject: `Einladung ins Wissensnetz: ${args.cityName}`,
    text: [
      'Guten Tag,',
      '',
      `${args.inviterName ? `${args.inviterName} lädt Sie ein` : 'Sie sind eingeladen'}, im Wissensnetz der Engagierten Stadt für ${args.cityName} mitzuarbeiten – als ${ROLE_NAMES[args.role]}.`,
      '',
      'Nach dem Annehmen landen Sie im Arbeitsbereich Ihrer Stadt: dort sehen Sie Ihr Tandem, Entwürfe Ihrer Stadt und die nächsten Konferenzen.',
      '',
      'Mit diesem Link nehmen Sie die Einladung an und legen Ihr Passwort fest:',
      args.link,
      '',
      `Der Link ist ${args.days} Tage gültig. Wenn Sie mit dieser Einladung nichts anfangen können, ignorieren Sie diese E-Mail einfach.`,
      '',
      'Ihr Wissensnetz der Engagierten Stadt',
    ].join('\n'),
  };
}
