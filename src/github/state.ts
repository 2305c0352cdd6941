/** Values a main step hands its post step (`core.saveState` / `core.getState`). */
export enum State {
  Scope = 'scope'
}
