import {
  JPEG,
  PNG,
  WEBP,
  checkUploadedFile,
  type UploadedFile,
} from '../../core/files/uploaded-file';
import { CityProfileException } from './city-profile.exception';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** Raster images only: an SVG can carry script, so it is not a logo here. */
export const LOGO_TYPES = { 'image/png': PNG, 'image/jpeg': JPEG, 'image/webp': WEBP };

/** The content type the logo is stored and served with; a typed error otherwise. */
export function logoContentType(file: UploadedFile): string {
  const check = checkUploadedFile(file, LOGO_TYPES, LOGO_MAX_BYTES);
  if (check.ok) return check.contentType;
  switch (check.problem) {
    case 'EMPTY':
      throw CityProfileException.invalid('file', 'the file is empty');
    case 'TOO_LARGE':
      throw CityProfileException.fileTooLarge(LOGO_MAX_BYTES);
    case 'TYPE_NOT_ALLOWED':
      throw CityProfileException.fileTypeNotAllowed(
        file.mimeType || (file.originalName.split('.').pop() ?? ''),
      );
  }
}
