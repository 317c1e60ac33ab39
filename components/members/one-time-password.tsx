'use client';

import { CopyButton } from '@/components/ui/copy-button';
import styles from './members.module.css';

/** A generated password, shown once after the action that created it. Never stored in clear. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <div className={`notice notice-warn ${styles.otp}`} role="status">
      <div className="small">One-time password for {email}</div>
      <div className="row" style={{ marginTop: 4 }}>
        <code className={styles.otpValue} data-testid="one-time-password">
          {password}
        </code>
        <CopyButton text={password} />
      </div>
      <div className="small" style={{ marginTop: 4 }}>
        It will not be shown again. Send it to them over a channel you trust.
      </div>
    </div>
  );
}
