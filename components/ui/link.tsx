'use client';

import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

/**
 * The app's link. Next's default prefetches every linked page as soon as its link scrolls into view,
 * which kept a list page's network busy for seconds fetching pages nobody opened. Here a page is
 * prefetched when the reader shows intent (pointer over the link, keyboard focus, a touch), so a page
 * settles as soon as it has loaded and a click still finds the next page on its way.
 * `prefetch={true}` keeps Next's eager prefetch for the one link a page expects to be followed next.
 */
export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, href, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const target = typeof href === 'string' ? href : null;
  const onIntent = prefetch === false || prefetch === true || !target?.startsWith('/') ? undefined : () => router.prefetch(target);
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={prefetch === true ? true : false}
      onMouseEnter={(event) => {
        onIntent?.();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        onIntent?.();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        onIntent?.();
        onTouchStart?.(event);
      }}
    />
  );
}
