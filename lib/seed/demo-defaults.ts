// The demo workspace's defaults, apart from the modules that make its contacts (which load faker),
// so that the CLI can offer them without loading those.

export const DEMO_WORKSPACE_NAME = "Demo workspace";
export const DEFAULT_DEMO_CONTACTS = 200;
