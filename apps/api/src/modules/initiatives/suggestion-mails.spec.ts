import { SuggestionStatus } from './dto/suggestion.type';
import { confirmationMail, statusMail } from './suggestion-mails';

describe('residents’ e-mails', () => {
  it('carries the private follow link in the confirmation, in both languages', () => {
    const link = 'https://wissensnetz.example/cloppenburg/initiativen/praevention/anliegen/abc';
    const mail = confirmationMail('Initiative Prävention', link);
    expect(mail.text.split(link)).toHaveLength(3);
  });

  it('sends no link with a status change but says where the private link is', () => {
    const mail = statusMail('Initiative Prävention', SuggestionStatus.ANSWERED, 'Wir prüfen das.');
    expect(mail.subject).toContain('beantwortet');
    expect(mail.text).not.toMatch(/https?:\/\//);
    expect(mail.text).toContain('Bestätigungs-E-Mail');
    expect(mail.text).toContain('confirmation e-mail');
    expect(mail.text.split('Wir prüfen das.')).toHaveLength(3);
  });
});
