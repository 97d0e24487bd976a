import type { GradebookMotion } from "@/lib/grades";
import { ActionForm, KeptInput } from "../../../components/ActionForm";
import { setRubricAction } from "./actions";

const weights = [
  ["postingWeight", "Posting"],
  ["evidenceWeight", "Evidence"],
  ["engagementWeight", "Engagement"],
  ["markWeight", "Your mark"],
] as const;

const caps = [
  ["postsCap", "Posts for full marks"],
  ["passagesCap", "Passages for full marks"],
  ["answersCap", "Answers for full marks"],
] as const;

/** The motion's rubric: the weight of each part of the score, and the counts for full marks. */
export function RubricForm({ spaceId, motion }: { spaceId: string; motion: GradebookMotion }) {
  const field = (
    name: keyof GradebookMotion["rubric"],
    label: string,
    max: number,
    min: number,
  ) => {
    const id = `${name}-${motion.id}`;
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>{label}</label>
        <KeptInput
          id={id}
          name={name}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          required
          defaultValue={String(motion.rubric[name])}
        />
      </div>
    );
  };
  return (
    <ActionForm action={setRubricAction} submit="Save rubric" pending="Saving rubric…">
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="motionId" value={motion.id} />
      <fieldset className="rubric-fields">
        <legend>Weights (0 to 100; the score shares 100 out by them)</legend>
        {weights.map(([name, label]) => field(name, label, 100, 0))}
      </fieldset>
      <fieldset className="rubric-fields">
        <legend>Counts that earn a part in full</legend>
        {caps.map(([name, label]) => field(name, label, 50, 1))}
      </fieldset>
    </ActionForm>
  );
}
