import { Fragment } from 'react';

/**
 * An e-mail address that may wrap before "@" and ".", where a reader expects it,
 * instead of in the middle of a word; long demo addresses would otherwise widen tables.
 */
export function EmailAddress({ address }: { address: string }) {
  const parts = address.split(/(?=[@.])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
