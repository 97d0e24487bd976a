import type { OwnGrades } from "@/lib/grades";
import { TableScroll } from "../../../components/TableScroll";
import { FigureCells, figureHeadings } from "./MotionGrades";

/** A member's own grades: per motion what they did, the score, and the teacher's comment. */
export function OwnGradesView({ own }: { own: OwnGrades }) {
  const { motions, row } = own;
  if (motions.length === 0) {
    return (
      <p className="empty">
        No motions here yet. Your grades appear once a moderator opens a motion and you take part.
      </p>
    );
  }
  return (
    <>
      <p className="verdict" data-testid="own-total">
        Your total: {row.total ?? "–"} out of 100
      </p>
      <TableScroll label="Your grades, per motion">
        <table className="tally results-table">
          <caption className="visually-hidden">Your grades, per motion</caption>
          <thead>
            <tr>
              <th scope="col">Motion</th>
              {figureHeadings.map((heading) => (
                <th key={heading} scope="col">
                  {heading}
                </th>
              ))}
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {motions.map((motion, i) => {
              const grade = row.grades[i];
              if (!grade) return null;
              return (
                <tr key={motion.id}>
                  <th scope="row">{motion.title}</th>
                  <FigureCells grade={grade} />
                  <td className="grade-comment">{grade.comment || "–"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
