// One `useInput` for the app's life (Ink re-subscribes stdin when input hooks mount and unmount, which drops keys).
// Screens register their key handler with `useKeys`; the router offers each key press to the newest active
// handler first (an overlay such as help sits above the screen under it).
import {createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {useInput, type Key} from 'ink';

/** Return true when the key was handled, so handlers below it do not see it. */
export type KeyHandler = (input: string, key: Key) => boolean | void;

interface Router {
  register(handler: {current: KeyHandler}): () => void;
}

const RouterContext = createContext<Router | null>(null);

/**
 * Ink hands over a run of plain characters that arrive together as one input ("jj\r": keys typed quickly over
 * SSH, or sent at once by tmux). Split it into the single key presses it was, each with the flags Ink gives
 * that key alone. Escape sequences and modified keys come through whole.
 */
export function splitTyped(input: string, key: Key): [string, Key][] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta || input.includes('\u001B')) return [[input, key]];
  return chars.map((char) => {
    const single: Key = {
      ...key,
      return: char === '\r' || char === '\n',
      tab: char === '\t',
      backspace: char === '\u007F' || char === '\b',
      shift: /^[A-Z]$/.test(char),
    };
    return [single.return || single.tab || single.backspace ? '' : char, single];
  });
}

export function KeyRouterProvider({children, fallback}: {children: ReactNode; fallback?: KeyHandler}) {
  const stack = useRef<{current: KeyHandler}[]>([]);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  const register = useCallback((handler: {current: KeyHandler}) => {
    stack.current = [...stack.current, handler];
    return () => {
      stack.current = stack.current.filter((h) => h !== handler);
    };
  }, []);
  const deliver = useCallback((input: string, key: Key) => {
    for (let i = stack.current.length - 1; i >= 0; i--) {
      if (stack.current[i]?.current(input, key) === true) return;
    }
    fallbackRef.current?.(input, key);
  }, []);
  // Presses split from one input go one at a time: after each, the provider bumps `delivered`, and its layout
  // effect (run once React has committed the updates that press caused, which share its lane) sends the next.
  // So each press sees the screen the one before it left.
  const queue = useRef<[string, Key][]>([]);
  const busy = useRef(false);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  const [delivered, setDelivered] = useState(0);
  const drain = useCallback(() => {
    timer.current = undefined;
    const next = queue.current.shift();
    if (next) deliver(...next);
    busy.current = queue.current.length > 0;
    if (busy.current) setDelivered((n) => n + 1);
  }, [deliver]);
  useLayoutEffect(() => {
    if (busy.current && timer.current === undefined) timer.current = setTimeout(drain, 0);
  }, [delivered, drain]);
  useEffect(() => () => clearTimeout(timer.current), []);
  useInput((input, key) => {
    queue.current.push(...splitTyped(input, key));
    if (!busy.current) drain();
  });
  const router = useMemo(() => ({register}), [register]);
  return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

/** Receive key presses while this component is mounted and `active` is true. */
export function useKeys(handler: KeyHandler, active = true): void {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useKeys needs a KeyRouterProvider above it');
  const ref = useRef(handler);
  ref.current = handler;
  // A layout effect, so the handler is registered by the time the frame that shows the screen is written:
  // a passive effect may run later, and a key typed in between would reach the screen underneath.
  useLayoutEffect(() => {
    if (!active) return;
    return router.register(ref);
  }, [router, active]);
}
