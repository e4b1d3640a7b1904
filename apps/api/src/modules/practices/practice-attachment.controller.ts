import {
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
import { toPracticeAttachment } from './dto/practice-attachment.type';
import { ATTACHMENT_MAX_BYTES } from './practice-attachment-file';
import { PracticeAttachmentService } from './practice-attachment.service';
import { PracticeException } from './practice.exception';

/**
 * Uploads and downloads of attachments over plain HTTP (multipart), with the same
 * session, access checks and typed errors as GraphQL (JSON `{ errors: [...] }`).
 */
@Controller()
export class PracticeAttachmentController {
  constructor(private readonly attachments: PracticeAttachmentService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Post('api/practices/:id/attachments')
  @HttpCode(201)
  // One byte over the limit lets the service tell "too large" apart from a cut-off upload.
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1 } }),
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    if (!file)
      throw PracticeException.invalid('file', 'send the file in the multipart field "file"');
    // multer gives the name as latin1; browsers send UTF-8.
    const originalName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const attachment = await this.attachments.add(actor, id, {
      originalName,
      mimeType: file.mimetype,
      buffer: file.buffer,
    });
    const { fileName, contentType, sizeBytes, url } = toPracticeAttachment(attachment);
    return { id: attachment.id, fileName, contentType, sizeBytes, url };
  }

  @Access(AccessLevel.PUBLIC)
  @Get('files/attachments/:id')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.attachments.open(actor, id);
    if (!found) throw PracticeException.attachmentNotFound('id');
    const { attachment, content } = found;
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.sizeBytes));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    content.pipe(res);
  }
}
