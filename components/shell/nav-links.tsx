'use client';

import Link from '@/components/ui/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { title: 'Analysis', links: [
    { href: '/', label: 'Dashboard' },
    { href: '/issues', label: 'Issues' },
    { href: '/actors', label: 'Actors' },
    { href: '/scenarios', label: 'Scenarios' },
  ] },
  { title: 'Records', links: [
    { href: '/assessments', label: 'Assessments' },
    { href: '/sources', label: 'Sources' },
    { href: '/interests', label: 'Stated interests' },
    { href: '/events', label: 'Events' },
    { href: '/import', label: 'Import' },
  ] },
];

export function NavLinks({ canManageMembers }: { canManageMembers: boolean }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  const sections = canManageMembers
    ? [...SECTIONS, { title: 'Workspace', links: [{ href: '/members', label: 'Members' }] }]
    : SECTIONS;
  return (
    <nav className="nav">
      {sections.map((section) => (
        <div key={section.title} className="nav">
          <div className="nav-section">{section.title}</div>
          {section.links.map((link) => (
            <Link key={link.href} href={link.href} aria-current={isCurrent(link.href) ? 'page' : undefined}>
              {link.label}
            </Link>
          ))}
        </div>
      ))}
    </nav>
  );
}
