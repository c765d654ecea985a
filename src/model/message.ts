// A message as the store holds it, after conversion from (or before conversion to) MIME.

export interface StoredMessage {
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly attachments: readonly string[];
  /** For a non-delivery report: the Message-ID of the message it returns to its sender. */
  readonly returns?: string;
}
