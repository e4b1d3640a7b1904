import { useEffect, useRef, useState, type ReactNode } from 'react';

interface ScrollRegionProps {
  /** Names the region for screen readers, e.g. the table's caption. */
  label: string;
  className?: string;
  children: ReactNode;
}

/**
 * Wide content (tables) that may scroll sideways on small screens. Only while it
 * really overflows does it become a focusable, named region, so keyboard users can
 * scroll it (WCAG 2.1.1) without an extra tab stop when everything fits.
 */
export function ScrollRegion({ label, className, children }: ScrollRegionProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      className={className ? `table-wrap ${className}` : 'table-wrap'}
      {...(overflowing ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
