import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { LOGO_MAX_BYTES } from './city-logo-file';
import { CityProfileException } from './city-profile.exception';
import { CityProfileService } from './city-profile.service';
import { logoUrl } from './dto/city-profile.type';

/**
 * A city's logo over plain HTTP (multipart upload, download), with the same session,
 * access checks, CSRF guard (global, core/auth/csrf.guard.ts) and typed errors as GraphQL.
 */
@Controller()
export class CityLogoController {
  constructor(private readonly profiles: CityProfileService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Post('api/cities/:slug/logo')
  @HttpCode(201)
  // One byte over the limit lets the service tell "too large" apart from a cut-off upload.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: LOGO_MAX_BYTES + 1, files: 1 } }))
  async upload(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    if (!file)
      throw CityProfileException.invalid('file', 'send the logo in the multipart field "file"');
    const expected = Number(body?.expectedRevision);
    if (!Number.isInteger(expected) || expected < 0)
      throw CityProfileException.invalid('expectedRevision', 'send the revision the editor shows');
    // multer gives the name as latin1; browsers send UTF-8.
    const originalName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const profile = await this.profiles.setLogo(actor, slug, expected, {
      originalName,
      mimeType: file.mimetype,
      buffer: file.buffer,
    });
    return { revision: profile.revision, logoUrl: logoUrl(slug.trim().toLowerCase(), profile) };
  }

  @Access(AccessLevel.PUBLIC)
  @Get('files/cities/:slug/logo')
  async download(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.profiles.openLogo(actor, slug);
    if (!found?.profile.logoContentType) throw CityProfileException.logoNotFound();
    const { profile, content } = found;
    res.setHeader('Content-Type', profile.logoContentType!);
    res.setHeader('Content-Length', String(profile.logoSizeBytes));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Shown inline as an image, never as a page of its own.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'public, max-age=300');
    content.pipe(res);
  }
}
