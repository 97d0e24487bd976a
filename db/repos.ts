import { accountRepos } from "./repos/accounts";
import type { CommitWith, QueryDb, Tables } from "./repos/context";
import { debateRepos } from "./repos/debate";
import { eventRepos } from "./repos/events";
import { followingRepos } from "./repos/following";
import { hotQueries } from "./repos/hot";
import { libraryRepos } from "./repos/library";
import { spaceRepos } from "./repos/spaces";
import type { Dialect, Repos } from "./store";

export type { CommitWith, QueryDb, Tables } from "./repos/context";

/**
 * Every query of a Store, on one database handle or transaction, written once for both
 * dialects (db/repos/context.ts says how), each domain's in a file of its own under db/repos/.
 */
export function createRepos(
  db: QueryDb,
  t: Tables,
  dialect: Dialect,
  commitWith?: CommitWith,
): Repos {
  const context = { db, t, dialect, commitWith, hot: hotQueries(db, t, dialect) };
  const repos = {
    ...spaceRepos(context),
    ...accountRepos(context),
    ...libraryRepos(context),
    ...debateRepos(context),
    ...followingRepos(context),
  };
  return { ...repos, ...eventRepos(context, repos) };
}
