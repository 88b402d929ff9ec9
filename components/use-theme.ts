/**
 * Light or dark for the extension's pages: the theme setting, or the system's colour scheme when the
 * setting is "system" (followed live, so switching the system to dark turns an open popup dark).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Theme } from '../core/settings';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The colour scheme to paint with. */
export function useResolvedTheme(theme: Theme | undefined): 'light' | 'dark' {
  const [isSystemDark, setSystemDark] = useState(() => matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  if (theme === 'light' || theme === 'dark') return theme;
  return isSystemDark ? 'dark' : 'light';
}

/** Paints the whole document (`<html>`) in `scheme`: card.css's tokens, form controls and scroll bars. */
export function useDocumentTheme(scheme: 'light' | 'dark'): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('dr-theme');
    root.dataset.theme = scheme;
    root.style.colorScheme = scheme;
  }, [scheme]);
}
