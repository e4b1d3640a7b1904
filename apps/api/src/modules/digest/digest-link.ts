/** Builds an absolute link into the platform from a path (MailService.link). */
export type MailPublicLink = (path: string) => string;
