import { decryptBytes, deriveKey, encryptBytes, signDigest, signatureMatches } from './crypto.js'
import {
  parseCheckpointValue,
  parseDocumentJson,
  serializeCheckpoint,
  type CheckpointDocument,
  type ParsedDocument
} from './document.js'
import { CheckpointError } from './errors.js'
import { refOf } from './document.js'
import type { CheckpointRef } from './naming.js'
import { isJsonObject } from './state.js'

/** Marks an encrypted checkpoint: its ref in clear (the artifact name shows it anyway), the rest sealed. */
export const ENCRYPTED_KIND = 'checkpoint-action/encrypted'

/** A checkpoint that cannot be trusted with the keys given: unsigned, mis-signed, or not decryptable. */
export class UntrustedCheckpointError extends CheckpointError {
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(`Checkpoint ${file} is not trusted: ${reason}`)
  }
}

/** The keys a codec works with; empty or absent means off. */
export interface CodecKeys {
  signingKey?: string | undefined
  encryptionKey?: string | undefined
}

interface Envelope extends CheckpointRef {
  kind: typeof ENCRYPTED_KIND
  schema: 1
  cipher: 'aes-256-gcm'
  data: string
}

/**
 * Turns checkpoints into text and back under the user's keys: with a signing key every document
 * carries an HMAC over its digest and only signed ones are read; with an encryption key the
 * whole document is sealed with AES-256-GCM.
 */
export class CheckpointCodec {
  private readonly signing: Buffer | undefined
  private readonly encryption: Buffer | undefined

  constructor(keys: CodecKeys = {}) {
    this.signing = keys.signingKey ? deriveKey(keys.signingKey, 'signing') : undefined
    this.encryption = keys.encryptionKey ? deriveKey(keys.encryptionKey, 'encryption') : undefined
  }

  /** The key files are encrypted with, when encryption is on. */
  get fileKey(): Buffer | undefined {
    return this.encryption
  }

  /** The text to store: signed and encrypted as the keys say. */
  encode(document: CheckpointDocument): string {
    const signed = this.signing
      ? { ...document, signature: signDigest(document.digest, this.signing) }
      : document
    const text = serializeCheckpoint(signed)
    if (!this.encryption) return text
    const envelope: Envelope = {
      kind: ENCRYPTED_KIND,
      schema: 1,
      ...refOf(document),
      cipher: 'aes-256-gcm',
      data: encryptBytes(Buffer.from(text, 'utf8'), this.encryption).toString('base64')
    }
    return `${JSON.stringify(envelope, null, 2)}\n`
  }

  /**
   * Reads stored text back into a verified checkpoint.
   * @throws CorruptCheckpointError, UnsupportedSchemaError or UntrustedCheckpointError
   */
  decode(text: string, source: string, expected?: CheckpointRef): CheckpointDocument {
    let parsed = parseDocumentJson(text, source)
    if (isJsonObject(parsed.value) && parsed.value.kind === ENCRYPTED_KIND) {
      parsed = this.open(parsed.value, source)
    }
    const document = parseCheckpointValue(parsed.value, source, expected, parsed.stateText)
    if (this.signing && !signatureMatches(document.digest, document.signature, this.signing)) {
      const reason = document.signature
        ? 'its signature does not match the signing key'
        : 'it is not signed'
      throw new UntrustedCheckpointError(source, reason)
    }
    return document
  }

  private open(envelope: Record<string, unknown>, source: string): ParsedDocument {
    if (!this.encryption) {
      throw new UntrustedCheckpointError(
        source,
        'it is encrypted: give the encryption key (input encryption-key, or CHECKPOINT_ENCRYPTION_KEY for the CLI)'
      )
    }
    try {
      const plain = decryptBytes(Buffer.from(String(envelope.data), 'base64'), this.encryption)
      return parseDocumentJson(plain.toString('utf8'), source)
    } catch (error) {
      if (error instanceof CheckpointError) throw error
      throw new UntrustedCheckpointError(
        source,
        'it does not decrypt with the encryption key (wrong key, or changed bytes)'
      )
    }
  }
}
