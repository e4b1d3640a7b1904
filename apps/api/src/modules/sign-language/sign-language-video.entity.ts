import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The network's sign-language video (one row at most, slot 1); the file is in FileStorage. */
@Entity('sign_language_video')
export class SignLanguageVideoEntity {
  @PrimaryColumn({ type: 'smallint' })
  slot!: number;

  @Column({ name: 'file_id', type: 'uuid' })
  fileId!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  // bigint arrives as a string from pg; the size limit keeps it far below 2^53.
  @Column({
    name: 'size_bytes',
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  sizeBytes!: number;

  @Column({ name: 'duration_seconds', type: 'double precision' })
  durationSeconds!: number;

  @Column({ type: 'text' })
  caption!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
