import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is a chunk of its own, kept off the toolbar's start-up path: it renders
 * nothing until the chunk is in, then the component. `preload` fetches the chunk ahead (the app
 * shell does once Fusion has the agent's state), so it is there when first needed; a failed load is
 * tried again on the next render.
 */
export interface LazyComponent<P> {
  readonly Component: FunctionComponent<P>;
  readonly preload: () => Promise<FunctionComponent<P>>;
}

export function lazyComponent<P extends object>(load: () => Promise<FunctionComponent<P>>): LazyComponent<P> {
  let loaded: FunctionComponent<P> | undefined;
  let loading: Promise<FunctionComponent<P>> | undefined;
  const preload = (): Promise<FunctionComponent<P>> => {
    loading ??= load().then((component) => (loaded = component));
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
  function Lazy(props: P) {
    const [component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (component) return undefined;
      let mounted = true;
      preload().then(
        (ready) => mounted && setComponent(() => ready),
        () => undefined,
      );
      return () => {
        mounted = false;
      };
    }, [component]);
    const Ready = component ?? loaded;
    return Ready ? <Ready {...props} /> : null;
  }
  return { Component: Lazy, preload };
}
