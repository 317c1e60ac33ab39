'use client';

import { useState } from 'react';
import styles from './members.module.css';

/** A generated password, shown once after the action that created it. Never stored in clear. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={`notice notice-warn ${styles.otp}`} role="status">
      <div className="small">One-time password for {email}</div>
      <div className="row" style={{ marginTop: 4 }}>
        <code className={styles.otpValue} data-testid="one-time-password">
          {password}
        </code>
        <button
          type="button"
          className="btn-small"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(password);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <div className="small" style={{ marginTop: 4 }}>
        It will not be shown again. Send it to them over a channel you trust.
      </div>
    </div>
  );
}
