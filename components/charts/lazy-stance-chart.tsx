'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { ChartPlaceholder } from './skeletons';
import type { StanceChartProps } from './stance-chart';

// The charting library (recharts) is most of a chart page's JavaScript. It is not part of the page's
// first load: the chart's code is fetched once the chart's place on the page scrolls into view, and
// the table version of the chart (ChartFrame) stays server-rendered for everyone.
const StanceChart = dynamic(() => import('./stance-chart').then((m) => m.StanceChart), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});

export function LazyStanceChart(props: StanceChartProps) {
  const place = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = place.current;
    // Printing draws every chart, seen or not.
    const onPrint = () => setVisible(true);
    window.addEventListener('beforeprint', onPrint);
    if (!element || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return () => window.removeEventListener('beforeprint', onPrint);
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    }, { rootMargin: '200px' });
    observer.observe(element);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', onPrint);
    };
  }, []);
  return (
    <div ref={place} style={{ minHeight: props.compact ? 200 : 440 }} aria-busy={!visible}>
      {visible ? <StanceChart {...props} /> : <ChartPlaceholder label={`${props.title} (chart loading)`} />}
    </div>
  );
}
