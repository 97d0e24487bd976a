import { and, asc, eq, getTableColumns, gt, inArray, sql, type Table } from "drizzle-orm";
import { type StoredEvent, upgradeEvent } from "../../lib/eventLog";
import { EVENT_VERSIONS, type MotionEventType } from "../../lib/protocol";
import type { MotionRules, Repos } from "../store";
import type { RepoContext } from "./context";

/**
 * A row under its columns' names, as PostgreSQL's jsonb_populate_record reads it: for a
 * function that stores the row itself.
 */
function asColumns(table: Table, row: object) {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [columns[key]?.name ?? key, value]),
  );
}

/** The event types whose data carries a whole argument, its author's name included. */
const carryingArguments: MotionEventType[] = [
  "argument.posted",
  "argument.submitted",
  "argument.approved",
  "argument.restored",
];

/**
 * Each motion's log of events, and the answers kept of commands sent with a client's id. A post
 * on SQLite stores its argument, citations, follow and notifications through `others`.
 */
export function eventRepos(
  { db, t, dialect, commitWith, hot }: RepoContext,
  others: Pick<Repos, "documents" | "arguments" | "follows" | "notifications">,
): Pick<Repos, "events" | "commands"> {
  const commands: Repos["commands"] = {
    find: async (actorId, clientId) => (await hot.command().execute({ actorId, clientId }))[0],
    save: async (row) => {
      await hot.saveCommand().execute(row);
    },
  };
  const repos = { ...others, commands };
  return {
    commands,
    events: {
      append: async (event) => {
        // The increment takes the motion's row lock in PostgreSQL (SQLite has one writer), so
        // concurrent commands on one motion get distinct, consecutive seqs.
        if (dialect === "postgres") {
          // In one statement: the lock is held to the commit, and each round trip lengthens it.
          const e = t.events;
          const { rows } = await db.execute<{ seq: number }>(sql`
          with next as (
            update ${t.motions} set "last_seq" = "last_seq" + 1
            where ${t.motions.id} = ${event.motionId} returning "last_seq"
          )
          insert into ${e} ("motion_id", "seq", "type", "data", "actor_id", "at", "version")
          select ${event.motionId}, "last_seq", ${event.type}, ${sql.param(event.data, e.data)},
            ${event.actorId}, ${sql.param(event.at, e.at)}, ${EVENT_VERSIONS[event.type]}
          from next
          returning "seq"`);
          const [next] = rows;
          if (!next) throw new Error(`no motion ${event.motionId} to append an event to`);
          return { ...event, seq: Number(next.seq) };
        }
        const [motion] = await hot.nextSeq().execute({ id: event.motionId });
        if (!motion) throw new Error(`no motion ${event.motionId} to append an event to`);
        const stored = { ...event, seq: motion.seq };
        await hot.appendEvent().execute({ ...stored, version: EVENT_VERSIONS[event.type] });
        return stored;
      },
      appendPlaced: async (argument, citations, placing, event) => {
        const { published, motionAsRead, kept, follow, notifications } = placing;
        if (dialect === "postgres") {
          // One statement that writes the whole post and ends the transaction: the motion's lock
          // is held while the database runs it, never across a round trip
          // (db/pg/migrations/0021_posts_after_newest_argument.sql).
          const call = sql`select * from place_argument(
          ${JSON.stringify(asColumns(t.debateArguments, argument))}::jsonb,
          ${JSON.stringify(citations.map((row) => asColumns(t.citations, row)))}::jsonb,
          ${JSON.stringify(asColumns(t.follows, follow))}::jsonb,
          ${JSON.stringify(notifications.map((row) => asColumns(t.notifications, row)))}::jsonb,
          ${published}, ${motionAsRead.status}, ${motionAsRead.spaceId},
          ${JSON.stringify(motionAsRead.settings)}::jsonb,
          ${JSON.stringify(motionAsRead.session)}::jsonb,
          ${event.type}, ${JSON.stringify(event.data)}::jsonb, ${event.actorId},
          ${EVENT_VERSIONS[event.type]}, ${kept?.actorId ?? null}, ${kept?.clientId ?? null},
          ${new Date().toISOString()}::timestamptz)`;
          const [placed] = commitWith ? await commitWith(call) : (await db.execute(call)).rows;
          if (!placed) return undefined;
          return {
            seq: Number(placed.placed_seq),
            pseudonym: Number(placed.placed_pseudonym),
            at: new Date(String(placed.placed_at)),
          };
        }
        if (argument.editedAt !== null) throw new Error("a post stores a new argument, not edited");
        // SQLite has one writer: what the post read cannot have changed, and is checked alike.
        const documents = await repos.documents.byIds([
          ...new Set(citations.map((c) => c.documentId)),
        ]);
        const current = new Map(documents.map((d) => [d.id, d.currentVersionId]));
        if (citations.some((c) => current.get(c.documentId) !== c.versionId)) return undefined;
        const { motionId, parentId } = argument;
        if (parentId) {
          const parent = await repos.arguments.get(parentId);
          if (parent?.motionId !== motionId || parent.status !== "published") return undefined;
        }
        // SQLite has one writer: the lock is held from here to the commit.
        const [locked] = await hot.lockNextSeq().execute({ id: motionId });
        if (!locked) return undefined;
        if (!sameRules(locked, motionAsRead)) {
          await hot.giveBackSeq().execute({ id: motionId });
          return undefined;
        }
        const seq = locked.lastSeq;
        // Its time is now, or a millisecond after the motion's last event and its newest argument
        // (as on PostgreSQL): posts in one millisecond still sort as they were posted, after an
        // event stamped now, before the last of them, too.
        const [last] = await hot.eventAt().execute({ motionId, seq: seq - 1 });
        const [newest] = await hot.newestArgumentAt().execute({ motionId });
        const after = Math.max(last?.at.getTime() ?? 0, newest?.at?.getTime() ?? 0);
        const at = new Date(Math.max(Date.now(), after + 1));
        const [placed] = await hot
          .newArgument()
          .execute({ ...argument, createdAt: at, publishedSeq: published ? seq : null });
        const pseudonym = placed?.pseudonym ?? 0;
        for (const citation of citations) await hot.newCitation().execute(citation);
        const createdAt = at.toISOString();
        const data = { ...event.data, argument: { ...event.data.argument, pseudonym, createdAt } };
        const version = EVENT_VERSIONS[event.type];
        await hot.appendEvent().execute({ ...event, data, at, seq, version });
        if (kept)
          await repos.commands.save({ ...kept, result: { seq, argument: data.argument }, at });
        await repos.follows.put(follow, { keepExisting: true });
        await repos.notifications.insert(notifications.map((row) => ({ ...row, seq, at })));
        return { seq, pseudonym, at };
      },
      after: async (motionId, seq, limit) =>
        (
          await db
            .select()
            .from(t.events)
            .where(and(eq(t.events.motionId, motionId), gt(t.events.seq, seq)))
            .orderBy(asc(t.events.seq))
            .limit(limit)
        ).map(upgradeEvent),
      minutesActive: (motionId, actorId) => {
        const e = t.events;
        // The minute since 1970 of each event: the same in both dialects' way of keeping time.
        const minute =
          dialect === "postgres"
            ? sql`floor(extract(epoch from ${e.at}) / 60)`
            : sql`${e.at} / 60000`;
        return db
          .select({
            actorId: e.actorId,
            minutes: sql<number>`cast(count(distinct ${minute}) as integer)`.mapWith(Number),
          })
          .from(e)
          .where(
            and(
              eq(e.motionId, motionId),
              actorId === undefined ? undefined : eq(e.actorId, actorId),
            ),
          )
          .groupBy(e.actorId)
          .orderBy(asc(e.actorId));
      },
      renameAuthor: async (motionId, authorId, name) => {
        const rows = await db
          .select({ seq: t.events.seq, data: t.events.data })
          .from(t.events)
          .where(and(eq(t.events.motionId, motionId), inArray(t.events.type, carryingArguments)));
        for (const row of rows) {
          const argument = row.data.argument as { author?: { id?: unknown } } | undefined;
          if (argument?.author?.id !== authorId) continue;
          const data = { ...row.data, argument: { ...argument, author: { id: authorId, name } } };
          await db
            .update(t.events)
            .set({ data })
            .where(and(eq(t.events.motionId, motionId), eq(t.events.seq, row.seq)));
        }
      },
      ofTypes: async <K extends MotionEventType>(motionId: string, types: readonly K[]) => {
        // Put in order here: asked to, both databases would walk every event of the motion in
        // order rather than the few of these types by events_motion_type_idx.
        const rows = (
          await db
            .select()
            .from(t.events)
            .where(and(eq(t.events.motionId, motionId), inArray(t.events.type, types)))
        ).sort((a, b) => a.seq - b.seq);
        const asked = new Set<MotionEventType>(types);
        return rows
          .map(upgradeEvent)
          .filter((e): e is Extract<StoredEvent, { type: K }> => asked.has(e.type));
      },
    },
  };
}

/** Whether a motion's rules for posts are as they were read. */
function sameRules(now: MotionRules, before: MotionRules) {
  const rules = (m: MotionRules) => JSON.stringify([m.status, m.spaceId, m.settings, m.session]);
  return rules(now) === rules(before);
}
