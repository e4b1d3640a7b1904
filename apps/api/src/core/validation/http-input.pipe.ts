import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InputException, InputExceptionReason } from '../errors/app.exception';
import { findInvalidString } from './text';

/**
 * The HTTP routes' counterpart of core/graphql/input-characters.ts: path parameters,
 * query strings and bodies of every controller are refused with a typed 400
 * (`INVALID_CHARACTERS`, the parameter as `field`) when they hold a NUL or a lone
 * surrogate, before a handler builds SQL or a header (Content-Disposition) from them.
 * GraphQL resolver arguments have numeric types here and are checked by the plugin.
 */
@Injectable()
export class HttpInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param' && metadata.type !== 'query' && metadata.type !== 'body')
      return value;
    const field = findInvalidString(value, metadata.data ?? metadata.type);
    if (field !== undefined) {
      throw new InputException(
        InputExceptionReason.INVALID_CHARACTERS,
        'Text must not contain NUL characters or incomplete UTF-16 surrogate pairs',
        field,
      );
    }
    return value;
  }
}
