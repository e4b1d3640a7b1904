import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { toSpreadsheetCsv } from '../../core/export/csv';
import { LEGAL_BASIS_TEXT } from '../../core/privacy/processing';
import { configuredActivities } from './processing-register';

/** security.txt is valid this long after it was served (RFC 9116 asks for under a year). */
const SECURITY_TXT_DAYS = 180;

/** security.txt (RFC 9116) and the register of processing activities as files. */
@Access(AccessLevel.PUBLIC)
@Controller()
export class LegalController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('.well-known/security.txt')
  securityTxt(@Res() res: Response): void {
    const expires = new Date(Date.now() + SECURITY_TXT_DAYS * 86_400_000);
    expires.setUTCHours(0, 0, 0, 0);
    const base = this.config.publicUrl;
    const lines = [
      `Contact: mailto:${this.config.operator.email}`,
      `Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
      'Preferred-Languages: de, en',
      ...(base ? [`Canonical: ${base}/.well-known/security.txt`] : []),
      ...(base ? [`Policy: ${base}/impressum`] : []),
    ];
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.send(`${lines.join('\n')}\n`);
  }

  @Get('export/processing-activities.json')
  registerJson(@Res() res: Response): void {
    res.setHeader('Content-Disposition', 'attachment; filename="verarbeitungsverzeichnis.json"');
    res.json({
      controller: this.config.operator,
      generatedAt: new Date().toISOString(),
      activities: configuredActivities(this.config).map((activity) => ({
        ...activity,
        legalBasisText: LEGAL_BASIS_TEXT[activity.legalBasis],
      })),
    });
  }

  @Get('export/processing-activities.csv')
  registerCsv(@Res() res: Response): void {
    const csv = toSpreadsheetCsv(
      [
        'Schlüssel',
        'Verarbeitung',
        'Zweck',
        'Rechtsgrundlage',
        'Hinweis zur Rechtsgrundlage',
        'Datenkategorien',
        'Betroffene',
        'Empfänger',
        'Speicherdauer',
        'Tabellen',
      ],
      configuredActivities(this.config).map((activity) => [
        activity.key,
        activity.name.de,
        activity.purpose.de,
        LEGAL_BASIS_TEXT[activity.legalBasis].de,
        activity.legalBasisNote?.de ?? '',
        activity.dataCategories.de,
        activity.dataSubjects.de,
        activity.recipients.de,
        activity.retention.de,
        activity.tables.join(', '),
      ]),
    );
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="verarbeitungsverzeichnis.csv"');
    res.send(csv);
  }
}
