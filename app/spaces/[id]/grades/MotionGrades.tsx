import type { GradebookMotion, GradebookRow, MotionGrade } from "@/lib/grades";
import { ActionForm, KeptInput } from "../../../components/ActionForm";
import { TableScroll } from "../../../components/TableScroll";
import { markGradeAction } from "./actions";
import { RubricForm } from "./RubricForm";

/**
 * The figures of one member on one motion, as table cells in the order of `figureHeadings`: the
 * score first, where a wide table does not hide it.
 */
export const figureHeadings = [
  "Score",
  "Arguments",
  "Replies",
  "Citations",
  "Passages",
  "Replies received",
  "Answers",
  "Mean strength",
  "Votes",
  "Mark",
];

export function FigureCells({ grade }: { grade: MotionGrade }) {
  const cells = [
    grade.arguments,
    grade.replies,
    grade.citations,
    grade.passages,
    grade.repliesReceived,
    grade.answers,
    grade.meanStrength ?? "–",
    grade.votes,
    grade.mark ?? "–",
  ];
  return (
    <>
      <td data-testid="motion-score">
        <strong>{grade.score}</strong>
      </td>
      {cells.map((cell, i) => (
        <td key={figureHeadings[i + 1]}>{cell}</td>
      ))}
    </>
  );
}

/** One member's mark and comment on the motion: a small form in their row. */
function MarkForm({
  spaceId,
  motionId,
  row,
  grade,
}: {
  spaceId: string;
  motionId: string;
  row: GradebookRow;
  grade: MotionGrade;
}) {
  const id = `${motionId}-${row.user.id}`;
  return (
    <ActionForm
      action={markGradeAction}
      submit="Save"
      pending="Saving…"
      secondary
      className="mark-form"
    >
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="motionId" value={motionId} />
      <input type="hidden" name="userId" value={row.user.id} />
      <label className="visually-hidden" htmlFor={`mark-${id}`}>
        Mark for {row.user.name}, out of 100 (empty for none)
      </label>
      <KeptInput
        id={`mark-${id}`}
        name="mark"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        placeholder="Mark"
        defaultValue={grade.mark === null ? "" : String(grade.mark)}
      />
      <label className="visually-hidden" htmlFor={`comment-${id}`}>
        Comment for {row.user.name}
      </label>
      <KeptInput
        id={`comment-${id}`}
        name="comment"
        type="text"
        maxLength={2000}
        placeholder="Comment"
        defaultValue={grade.comment}
      />
    </ActionForm>
  );
}

/** A motion's rubric, and each member's figures, score and mark on it. */
export function MotionGrades({
  spaceId,
  motion,
  index,
  rows,
}: {
  spaceId: string;
  motion: GradebookMotion;
  index: number;
  rows: GradebookRow[];
}) {
  const headingId = `motion-${motion.id}`;
  return (
    <section aria-labelledby={headingId} className="panel motion-grades">
      <h2 id={headingId}>{motion.title}</h2>
      {motion.anonymous ? (
        <p className="meta">
          An anonymous motion: members see each other as pseudonyms, but the gradebook, like the
          participation table, shows you their names.
        </p>
      ) : null}
      <details>
        <summary>Rubric</summary>
        <RubricForm spaceId={spaceId} motion={motion} />
      </details>
      <TableScroll>
        <table className="tally results-table">
          <caption className="visually-hidden">What each member did on {motion.title}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {figureHeadings.map((heading) => (
                <th key={heading} scope="col">
                  {heading}
                </th>
              ))}
              <th scope="col">Your mark and comment</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const grade = row.grades[index];
              if (!grade) return null;
              return (
                <tr key={row.user.id} data-testid={`grade-${row.user.name}`}>
                  <th scope="row">{row.user.name}</th>
                  <FigureCells grade={grade} />
                  <td>
                    <MarkForm spaceId={spaceId} motionId={motion.id} row={row} grade={grade} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
