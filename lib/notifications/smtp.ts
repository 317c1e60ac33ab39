import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** One plain-text email. */
export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

const TIMEOUT_MS = 30_000;

/** An address from "Name <a@b>" or "a@b", for the envelope. */
export function envelopeAddress(address: string): string {
  return (/<([^<>]+)>\s*$/.exec(address)?.[1] ?? address).trim();
}

/** RFC 2047 for a header with non-ASCII characters (UTF-8, base64). */
function headerText(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

/** The message as sent after DATA: headers, body in base64 lines, dot-stuffing not needed (base64 has no dots). */
export function formatMessage(mail: Mail, date = new Date()): string {
  const body = Buffer.from(mail.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');
  return [
    `From: ${headerText(mail.from)}`,
    `To: ${headerText(mail.to)}`,
    `Subject: ${headerText(mail.subject)}`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/**
 * A minimal SMTP client (RFC 5321) for the digest, so the app needs no mail library: smtp://host:port
 * (plain; STARTTLS is not attempted) or smtps://host:465 (TLS), with AUTH PLAIN when the URL has a user.
 * One connection per message; any reply outside the expected codes rejects with the server's words.
 */
export function smtpSender(smtpUrl: string): SendMail {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port || (secure ? 465 : 25));
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return async (mail) => {
    const socket: Socket = secure ? tlsConnect({ host: url.hostname, port, servername: url.hostname }) : netConnect({ host: url.hostname, port });
    const session = new SmtpSession(socket);
    try {
      await session.expect(null, [220]);
      await session.expect('EHLO stanceboard', [250]);
      if (user) await session.expect(`AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64')}`, [235]);
      await session.expect(`MAIL FROM:<${envelopeAddress(mail.from)}>`, [250]);
      await session.expect(`RCPT TO:<${envelopeAddress(mail.to)}>`, [250, 251]);
      await session.expect('DATA', [354]);
      await session.expect(`${formatMessage(mail)}\r\n.`, [250]);
      await session.expect('QUIT', [221]).catch(() => undefined);
    } finally {
      socket.destroy();
    }
  };
}

class SmtpSession {
  private buffer = '';
  private waiting: { resolve: (reply: { code: number; text: string }) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.setTimeout(TIMEOUT_MS, () => this.fail(new Error('The SMTP server did not answer in time')));
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.flush();
    });
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('The SMTP server closed the connection')));
  }

  private fail(error: Error) {
    this.failure ??= error;
    this.waiting?.reject(error);
    this.waiting = null;
  }

  /** A complete reply is its lines up to one whose code is followed by a space ("250 OK", after "250-…" lines). */
  private flush() {
    if (!this.waiting) return;
    const lines = this.buffer.split('\r\n');
    const last = lines.findIndex((line) => /^\d{3}(?: |$)/.test(line));
    if (last < 0) return;
    const reply = lines.slice(0, last + 1);
    this.buffer = lines.slice(last + 1).join('\r\n');
    const waiting = this.waiting;
    this.waiting = null;
    waiting.resolve({ code: Number(reply[last]!.slice(0, 3)), text: reply.map((l) => l.slice(4)).join(' ') });
  }

  async expect(command: string | null, codes: number[]): Promise<void> {
    if (this.failure) throw this.failure;
    const reply = new Promise<{ code: number; text: string }>((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
    if (command !== null) this.socket.write(`${command}\r\n`);
    this.flush();
    const { code, text } = await reply;
    if (!codes.includes(code)) throw new Error(`SMTP ${command?.split(' ')[0] ?? 'greeting'} refused: ${code} ${text}`);
  }
}
