import { MembershipRole } from '../../core/tenancy/actor';
import type { Mail } from '../mail/mail.service';

const ROLE_NAMES: Record<MembershipRole, string> = {
  [MembershipRole.COORDINATOR]: 'Koordinator:in',
  [MembershipRole.MEMBER]: 'Mitglied',
};

export function invitationMail(args: {
  to: string;
  cityName: string;
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
      `Sie sind eingeladen, im Wissensnetz der Engagierten Stadt für ${args.cityName} mitzuarbeiten – als ${ROLE_NAMES[args.role]}.`,
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
