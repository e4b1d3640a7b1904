import type { Mail } from '../mail/mail.service';

export function passwordResetMail(args: { to: string; link: string; minutes: number }): Mail {
  return {
    to: args.to,
    subject: 'Wissensnetz: Passwort zurücksetzen',
    text: [
      'Guten Tag,',
      '',
      'für Ihr Konto im Wissensnetz der Engagierten Stadt wurde ein neues Passwort angefordert.',
      'Mit diesem Link legen Sie es fest:',
      args.link,
      '',
      `Der Link ist ${args.minutes} Minuten gültig und funktioniert nur einmal.`,
      'Wenn Sie nichts angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.',
      '',
      'Ihr Wissensnetz der Engagierten Stadt',
    ].join('\n'),
  };
}
