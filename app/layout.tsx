import type { Metadata } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Stanceboard', template: '%s · Stanceboard' },
  description: 'Record and chart where actors stand on contested issues, and model where bargaining lands.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render every page per request, the 404 page included: Next stamps this request's CSP nonce (from the
  // Content-Security-Policy request header proxy.ts sets) on its scripts only then. A page prerendered at
  // build time would carry no nonce, and the policy would block its scripts.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
