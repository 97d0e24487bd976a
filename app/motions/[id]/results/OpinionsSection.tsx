import type { OpinionsOutline } from "@/lib/opinionGroups";
import type { MotionResult } from "@/lib/results";
import { CitedPassages } from "./sections";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The room's opinion groups after the debate: who they are, what all accept, what divides them. */
export function OpinionsSection({
  motionId,
  opinions,
}: {
  motionId: string;
  opinions: OpinionsOutline | null;
}) {
  const words = (id: string) => opinions?.words[id] ?? "An argument of this debate";
  const link = (id: string) => <a href={`/motions/${motionId}#argument-${id}`}>{words(id)}</a>;
  return (
    <section aria-labelledby="opinions-heading">
      <h2 id="opinions-heading">Opinion groups</h2>
      {!opinions || opinions.groups.length === 0 ? (
        <p className="empty">
          No opinion groups: they form once at least four participants have said whether they agree
          with three arguments each ({opinions?.participants ?? 0} did).
        </p>
      ) : (
        <>
          <p>
            {opinions.participants} participants fell into {opinions.groups.length} groups:{" "}
            {opinions.groups.map((g) => `${g.label} (${g.size})`).join(", ")}.
          </p>
          <h3>Every group agrees</h3>
          {opinions.consensus.length === 0 ? (
            <p className="meta">No argument had the agreement of every group.</p>
          ) : (
            <ul className="plain stand-arguments">
              {opinions.consensus.map((c) => (
                <li key={c.argumentId} className="stand-argument">
                  {link(c.argumentId)} <span className="meta">· {percent(c.agreeShare)} agree</span>
                </li>
              ))}
            </ul>
          )}
          <h3>What divides them</h3>
          {opinions.divisive.length === 0 ? (
            <p className="meta">No argument divided the groups.</p>
          ) : (
            <ul className="plain stand-arguments">
              {opinions.divisive.map((d) => (
                <li key={d.argumentId} className="stand-argument">
                  {link(d.argumentId)}{" "}
                  <span className="meta">
                    ·{" "}
                    {Object.entries(d.byGroup)
                      .map(([group, share]) => `Group ${group} ${percent(share)}`)
                      .join(", ")}{" "}
                    agree
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** What every results page shows after the vote: the opinion groups and the most cited passages. */
export function GroupsAndPassages({
  motionId,
  result,
}: {
  motionId: string;
  result: Pick<MotionResult, "opinions" | "citedPassages">;
}) {
  return (
    <>
      <OpinionsSection motionId={motionId} opinions={result.opinions} />

      <section aria-labelledby="cited-heading">
        <h2 id="cited-heading">Most cited passages</h2>
        <CitedPassages passages={result.citedPassages} />
      </section>
    </>
  );
}
