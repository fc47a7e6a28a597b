// One `useInput` for the app's life (Ink re-subscribes stdin when input hooks mount and unmount, which drops keys).
// Screens register their key handler with `useKeys`; the router offers each key press to the newest active
// handler first (an overlay such as help sits above the screen under it).
import {createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';
import {useInput, type Key} from 'ink';

/** Return true when the key was handled, so handlers below it do not see it. */
export type KeyHandler = (input: string, key: Key) => boolean | void;

interface Router {
  register(handler: {current: KeyHandler}): () => void;
}

const RouterContext = createContext<Router | null>(null);

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
  useInput((input, key) => {
    for (let i = stack.current.length - 1; i >= 0; i--) {
      if (stack.current[i]?.current(input, key) === true) return;
    }
    fallbackRef.current?.(input, key);
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
