// A feedback sender's contact details, encrypted at rest (AES-256-GCM) under a key derived from the deployment's
// key-encryption key: a database dump or a careless query shows ciphertext, never a phone number.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import { loadSealKek } from '../seals/kek.ts';
import type { FeedbackContact } from '../../../common/feedback-views.ts';

export type Contact = FeedbackContact;

interface Envelope {
  v: 1;
  iv: string;
  tag: string;
  ct: string;
}

function contactKey(config: Config): Buffer {
  // A separate key for a separate purpose: HKDF over the KEK, so feedback never handles seal key material itself.
  return Buffer.from(hkdfSync('sha256', loadSealKek(config.sealKek), Buffer.alloc(0), 'qingdan feedback contact v1', 32));
}

/** Encrypts contact details bound to the feedback id; null when nothing was given. */
export function sealContact(config: Config, feedbackId: string, contact: Contact | undefined): string | null {
  const clean = Object.fromEntries(Object.entries(contact ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]).filter(([, v]) => v));
  if (!Object.keys(clean).length) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', contactKey(config), iv);
  cipher.setAAD(Buffer.from(`qingdan-feedback:${feedbackId}`));
  const ct = Buffer.concat([cipher.update(JSON.stringify(clean), 'utf8'), cipher.final()]);
  const envelope: Envelope = { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  return JSON.stringify(envelope);
}

/** Decrypts contact details for the staff who answer; null when absent or unreadable (a rotated KEK). */
export function openContact(config: Config, feedbackId: string, sealed: string | null): Contact | null {
  if (!sealed) return null;
  try {
    const e = JSON.parse(sealed) as Envelope;
    const decipher = createDecipheriv('aes-256-gcm', contactKey(config), Buffer.from(e.iv, 'base64'));
    decipher.setAAD(Buffer.from(`qingdan-feedback:${feedbackId}`));
    decipher.setAuthTag(Buffer.from(e.tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(e.ct, 'base64')), decipher.final()]).toString('utf8')) as Contact;
  } catch {
    return null;
  }
}
