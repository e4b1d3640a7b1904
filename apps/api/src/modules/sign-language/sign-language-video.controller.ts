import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { toSignLanguageVideo } from './dto/sign-language-video.type';
import { SignLanguageException } from './sign-language.exception';
import { SignLanguageService } from './sign-language.service';
import { contentDisposition } from '../../core/export/content-disposition';

/**
 * The sign-language video over plain HTTP (multipart upload, playback, download), with the
 * same session, access checks, CSRF guard and typed errors as GraphQL. The size limit of
 * the multipart parser comes from the module (SIGN_LANGUAGE_VIDEO_MAX_BYTES + 1 byte, so
 * the service tells "too large" apart from a cut-off upload).
 */
@Controller()
export class SignLanguageVideoController {
  constructor(private readonly videos: SignLanguageService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Post('api/sign-language-video')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file'))
  async upload(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    if (!file)
      throw SignLanguageException.invalid('file', 'send the video in the multipart field "file"');
    // multer gives the name as latin1; browsers send UTF-8.
    const originalName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const video = await this.videos.upload(
      actor,
      { originalName, mimeType: file.mimetype, buffer: file.buffer },
      body?.caption,
    );
    return toSignLanguageVideo(video);
  }

  @Access(AccessLevel.PUBLIC)
  @Get('files/sign-language-video/:fileId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('fileId') fileId: string,
    @Query('download') download: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const found = /^[0-9a-f-]{36}$/.test(fileId) ? await this.videos.open(actor, fileId) : null;
    if (!found) throw SignLanguageException.notFound();
    const { video, content } = found;
    res.setHeader('Content-Type', video.contentType);
    res.setHeader('Content-Length', String(video.sizeBytes));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    // The id changes with every upload: a file under one address never changes.
    res.setHeader('Cache-Control', 'public, max-age=86400, immutable');
    if (download !== undefined)
      res.setHeader('Content-Disposition', contentDisposition('attachment', video.fileName));
    content.pipe(res);
  }
}
