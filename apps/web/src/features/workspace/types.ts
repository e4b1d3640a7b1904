import type { CityWorkspaceQuery } from '../../generated/graphql';

/** The workspace as the page's query answers it. */
export type Workspace = CityWorkspaceQuery['cityWorkspace'];
