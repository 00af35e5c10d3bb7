import type { ComponentType } from 'preact';
import { useModule } from './use-module';

/** A component from a chunk loaded when it is first shown: for a later step or a part shown rarely. */
export function Later<P extends object>({ load, ...props }: { load: () => Promise<ComponentType<P>> } & P) {
  const { module: Component, error } = useModule(load);
  if (error) return <p role="alert">{error}</p>;
  return Component ? <Component {...(props as unknown as P)} /> : <p aria-busy="true">Loading…</p>;
}
