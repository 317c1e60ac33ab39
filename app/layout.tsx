import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Stanceboard', template: '%s · Stanceboard' },
  description: 'Record and chart where actors stand on contested issues, and model where bargaining lands.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
